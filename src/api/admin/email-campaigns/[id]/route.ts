import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../../modules/email-campaigns/service"
import { updateEmailCampaignWorkflow } from "../../../../workflows/email-campaigns/upsert-email-campaign"
import { refetchEmailCampaign } from "../helpers"
import type { AdminUpdateEmailCampaignType } from "../validators"

/** Retrieves a campaign with its templates. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ email_campaign: await refetchEmailCampaign(req.scope, req.params.id) })
}

/** Edits a campaign that has not started sending. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateEmailCampaignType>, res: MedusaResponse) => {
  await updateEmailCampaignWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ email_campaign: await refetchEmailCampaign(req.scope, req.params.id) })
}

/** Deletes a draft or cancelled campaign. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const campaign = await refetchEmailCampaign(req.scope, req.params.id)
  if (!["draft", "cancelled"].includes(campaign.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `status: only draft or cancelled campaigns can be deleted (this one is ${campaign.status})`)
  }
  await req.scope.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).softDeleteEmailCampaigns([campaign.id])
  res.json({ id: campaign.id, object: "email_campaign", deleted: true })
}
