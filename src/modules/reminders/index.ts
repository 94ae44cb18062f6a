import { Module } from "@medusajs/framework/utils"
import RemindersModuleService from "./service"

/** Repurchase reminders: consumption cycles, coverage from purchases, reminders sent once. */
export const REMINDERS_MODULE = "reminders"

export default Module(REMINDERS_MODULE, {
  service: RemindersModuleService,
})
