import { Module } from "@medusajs/framework/utils"
import CustomerFactsModuleService from "./service"

/** The customer facts read model: one projection of customers and orders every domain reads. */
export const CUSTOMER_FACTS_MODULE = "customerFacts"

export default Module(CUSTOMER_FACTS_MODULE, {
  service: CustomerFactsModuleService,
})
