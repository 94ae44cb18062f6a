import { Module } from "@medusajs/framework/utils"
import MessagingModuleService from "./service"

/** Marketing messages across the plugin: the send ledger, the global frequency cap, suppressed addresses. */
export const MESSAGING_MODULE = "messaging"

export default Module(MESSAGING_MODULE, {
  service: MessagingModuleService,
})
