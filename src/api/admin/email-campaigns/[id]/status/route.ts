import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../../../modules/email-campaigns/service"
import { changeEmailCampaignStatusWorkflow } from "../../../../../workflows/email-campaigns/change-email-campaign-status"
import { startEmailCampaignWorkflow } from "../../../../../workflows/email-campaigns/start-email-campaign"
import { refetchEmailCampaign } from "../../helpers"
import type { AdminEmailCampaignStatusType } from "../../validators"

/** Schedules (now: sending starts at once; or at `send_at`; again while not started), pauses, resumes or cancels a campaign. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEmailCampaignStatusType>, res: MedusaResponse) => {
  const campaign = await refetchEmailCampaign(req.scope, req.params.id)
  const { action, send_at } = req.validatedBody
  if (action === "schedule" && campaign.started_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "status: a campaign that has started sending cannot be scheduled again")
  }
  if (action === "schedule") {
    if (!req.scope.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).getCampaignOptions().sendgridApiKey) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "SendGrid is not configured: set SENDGRID_API_KEY or options.campaigns.sendgridApiKey")
    }
    if (!campaign.templates.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "templates: a campaign needs a template to be scheduled")
    }
  }
  await changeEmailCampaignStatusWorkflow(req.scope).run({ input: { id: campaign.id, action, send_at, started: !!campaign.started_at } })
  if (action === "schedule" && (!send_at || Date.parse(send_at) <= Date.now())) {
    // Due now: start it here rather than wait for the dispatch job's next minute.
    await startEmailCampaignWorkflow(req.scope).run({ input: { id: campaign.id } })
  }
  res.json({ email_campaign: await refetchEmailCampaign(req.scope, campaign.id) })
}
