import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import { createEmailCampaignWorkflow } from "../../../workflows/email-campaigns/upsert-email-campaign"
import { refetchEmailCampaign } from "./helpers"
import type { AdminCreateEmailCampaignType, AdminEmailCampaignsParamsType } from "./validators"

/** Lists e-mail campaigns, newest first, with sent, clicked and attributed revenue per currency. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminEmailCampaignsParamsType>, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery
  const service = req.scope.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
  const [campaigns, count] = await service.listAndCountEmailCampaigns(status ? { status } : {}, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  const figures = await service.campaignListFigures(campaigns.map((c) => c.id))
  res.json({ email_campaigns: campaigns.map((c) => ({ ...c, ...figures.get(c.id) })), count, limit, offset })
}

/** Creates a draft campaign with its templates. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateEmailCampaignType>, res: MedusaResponse) => {
  const { result } = await createEmailCampaignWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ email_campaign: await refetchEmailCampaign(req.scope, result.id) })
}
