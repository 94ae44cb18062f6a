import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import { createEmailCampaignWorkflow } from "../../../workflows/email-campaigns/upsert-email-campaign"
import { refetchEmailCampaign } from "./helpers"
import type { AdminCreateEmailCampaignType, AdminEmailCampaignsParamsType } from "./validators"

/** Lists e-mail campaigns, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminEmailCampaignsParamsType>, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery
  const [campaigns, count] = await req.scope
    .resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
    .listAndCountEmailCampaigns(status ? { status: status.split(",") as never } : {}, { take: limit, skip: offset, order: { created_at: "DESC" } })
  res.json({ email_campaigns: campaigns, count, limit, offset })
}

/** Creates a draft campaign with its templates. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateEmailCampaignType>, res: MedusaResponse) => {
  const { result } = await createEmailCampaignWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ email_campaign: await refetchEmailCampaign(req.scope, result.id) })
}
