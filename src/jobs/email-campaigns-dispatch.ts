import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { EMAIL_CAMPAIGNS_MODULE } from "../modules/email-campaigns"
import type EmailCampaignsModuleService from "../modules/email-campaigns/service"
import { sendEmailCampaignWorkflow } from "../workflows/email-campaigns/send-email-campaign"
import { startEmailCampaignWorkflow } from "../workflows/email-campaigns/start-email-campaign"

/**
 * Every minute: starts scheduled campaigns that are due, and continues campaigns left sending (a
 * worker restarted, SendGrid asked to wait); a campaign another worker is sending is skipped.
 */
export default async function emailCampaignsDispatch(container: MedusaContainer) {
  const campaigns = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const due = await campaigns.listEmailCampaigns({ status: "scheduled", scheduled_at: { $lte: new Date() } }, { select: ["id"] })
  for (const c of due) {
    await startEmailCampaignWorkflow(container).run({ input: { id: c.id }, throwOnError: false }).catch((e) => logger.warn(`campaign ${c.id}: ${e.message}`))
  }
  const sending = await campaigns.listEmailCampaigns({ status: "sending" }, { select: ["id"] })
  for (const c of sending) {
    await sendEmailCampaignWorkflow(container).run({ input: { campaign_id: c.id } }).catch((e) => logger.warn(`campaign ${c.id}: ${e.message}`))
  }
}

export const config = { name: "email-campaigns-dispatch", schedule: "* * * * *" }
