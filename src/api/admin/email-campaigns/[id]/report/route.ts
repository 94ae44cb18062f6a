import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../../../modules/email-campaigns/service"
import { compareGroups } from "../../../../../modules/email-campaigns/utils/incrementality"

/**
 * A campaign's results: audience, holdout, sent, delivered, bounced, opened, clicked, unsubscribed;
 * attributed orders and revenue net of refunds per currency; treated vs holdout conversion and
 * revenue per recipient, incremental revenue and lift with 95 % intervals.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const figures = await req.scope.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).campaignFigures(req.params.id)
  res.json({
    id: figures.campaign.id,
    status: figures.campaign.status,
    window: figures.window,
    counts: figures.counts,
    attributed: figures.attributed,
    lift: compareGroups(figures.outcomes),
  })
}
