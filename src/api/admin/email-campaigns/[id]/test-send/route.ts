import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendTestEmailCampaignWorkflow } from "../../../../../workflows/email-campaigns/preview-email-campaign"
import type { AdminEmailCampaignTestSendType } from "../../validators"

/** Sends the message (as a chosen customer would get it) to a test address. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEmailCampaignTestSendType>, res: MedusaResponse) => {
  const { result } = await sendTestEmailCampaignWorkflow(req.scope).run({ input: { campaign_id: req.params.id, ...req.validatedBody } })
  res.json(result)
}
