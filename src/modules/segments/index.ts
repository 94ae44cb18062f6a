import { Module } from "@medusajs/framework/utils"
import SegmentsModuleService from "./service"

export const SEGMENTS_MODULE = "segments"

export default Module(SEGMENTS_MODULE, {
  service: SegmentsModuleService,
})
