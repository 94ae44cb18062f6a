import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendCampaignBatchesStep } from "./steps/send-campaign-batches"

export const sendEmailCampaignWorkflowId = "send-email-campaign"

/**
 * Sends a campaign's pending recipients on this worker (see the step): resumes where a crashed or
 * paused sender stopped, with nobody sent twice and nobody lost. Null when another worker is on it.
 */
export const sendEmailCampaignWorkflow = createWorkflow(sendEmailCampaignWorkflowId, (input: { campaign_id: string; max_batches?: number; batch_size?: number }) => {
  return new WorkflowResponse(sendCampaignBatchesStep(input))
})
