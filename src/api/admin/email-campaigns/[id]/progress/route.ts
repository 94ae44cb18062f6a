import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../../../modules/email-campaigns/service"
import { refetchEmailCampaign } from "../../helpers"

/** Sent / failed / remaining while sending, with the rate and an ETA (the admin page polls it). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const campaign = await refetchEmailCampaign(req.scope, req.params.id)
  const progress = await req.scope.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).campaignProgress(campaign.id)
  res.json({ id: campaign.id, status: campaign.status, audience_size: campaign.audience_size, holdout_size: campaign.holdout_size, ...progress })
}
