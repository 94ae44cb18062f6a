import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"

/**
 * Snapshots a campaign's audience when sending starts (segment members with consent, minus
 * suppressed addresses and customers at the frequency cap; treatment and holdout by hash).
 * Idempotent: a re-run adds no one. Nothing to compensate: a cancelled campaign keeps its
 * snapshot as the record of who it was for.
 */
export const snapshotCampaignAudienceStep = createStep("snapshot-campaign-audience", async (input: { campaign_id: string }, { container }) => {
  const cap = container.resolve<MessagingModuleService>(MESSAGING_MODULE).getFrequencyCap()
  const sizes = await container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).snapshotAudience({ campaign_id: input.campaign_id, cap })
  return new StepResponse(sizes)
})
