import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewEmailCampaignWorkflow } from "../../../../../workflows/email-campaigns/preview-email-campaign"
import type { AdminEmailCampaignPreviewParamsType } from "../../validators"

/** The message a chosen customer would get: subject, HTML and text, in their language. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminEmailCampaignPreviewParamsType>, res: MedusaResponse) => {
  const { result } = await previewEmailCampaignWorkflow(req.scope).run({ input: { campaign_id: req.params.id, ...req.validatedQuery } })
  res.json({ preview: result })
}
