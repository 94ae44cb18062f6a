import { Module } from "@medusajs/framework/utils"
import BrowsingModuleService from "./service"

/** Browsing events from the storefront (product viewed, added to cart), with consent, compacted per day. */
export const BROWSING_MODULE = "browsing"

export default Module(BROWSING_MODULE, {
  service: BrowsingModuleService,
})
