import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { EmailCampaignEvents } from "../../modules/email-campaigns/events"
import { snapshotCampaignAudienceStep } from "./steps/snapshot-campaign-audience"
import { transitionCampaignStatusStep } from "./steps/transition-campaign-status"

export const startEmailCampaignWorkflowId = "start-email-campaign"

/**
 * A scheduled campaign is due: it becomes `sending` (one worker wins), its audience is
 * snapshotted, and the worker is asked to send it.
 */
export const startEmailCampaignWorkflow = createWorkflow(startEmailCampaignWorkflowId, (input: { id: string }) => {
  const started = transitionCampaignStatusStep(
    transform({ input }, ({ input }) => ({ id: input.id, from: ["scheduled"], to: "sending", set: { started_at: new Date() } }))
  )
  const audience = snapshotCampaignAudienceStep(transform({ input }, ({ input }) => ({ campaign_id: input.id })))
  emitEventStep({ eventName: EmailCampaignEvents.SEND_REQUESTED, data: transform({ input }, ({ input }) => ({ id: input.id })) })
  return new WorkflowResponse(transform({ started, audience }, ({ started, audience }) => ({ ...started, ...audience })))
})
