import { Module } from "@medusajs/framework/utils"
import InsightsModuleService from "./service"

/** Insights: what sells together, upgrade paths, who will buy next, personalised offers. */
export const INSIGHTS_MODULE = "insights"

export default Module(INSIGHTS_MODULE, {
  service: InsightsModuleService,
})
