import { Module } from "@medusajs/framework/utils"
import LoyaltyPointsModuleService from "./service"

/** Registered as `loyaltyPoints`: Medusa's own @medusajs/loyalty-plugin already owns `loyalty`. */
export const LOYALTY_POINTS_MODULE = "loyaltyPoints"

export default Module(LOYALTY_POINTS_MODULE, {
  service: LoyaltyPointsModuleService,
})
