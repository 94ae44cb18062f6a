import { Module } from "@medusajs/framework/utils"
import AutomationsModuleService from "./service"

/** Rule-triggered automations: triggers, conditions, durable steps, journeys, reports. */
export const AUTOMATIONS_MODULE = "automations"

export default Module(AUTOMATIONS_MODULE, {
  service: AutomationsModuleService,
})
