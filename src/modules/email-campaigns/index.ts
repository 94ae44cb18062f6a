import { Module } from "@medusajs/framework/utils"
import EmailCampaignsModuleService from "./service"

/** E-mail campaigns; registered as `emailCampaigns` (Medusa's promotion module owns `campaign`). */
export const EMAIL_CAMPAIGNS_MODULE = "emailCampaigns"

export default Module(EMAIL_CAMPAIGNS_MODULE, {
  service: EmailCampaignsModuleService,
})
