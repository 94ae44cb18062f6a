import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CampaignEventInput } from "../../modules/email-campaigns/types"
import { recordCampaignEventsStep } from "./steps/record-campaign-events"

export const recordCampaignEventsWorkflowId = "record-campaign-events"

/** SendGrid's webhook events and tracked opens, clicks and unsubscribes, each counted once. */
export const recordCampaignEventsWorkflow = createWorkflow(recordCampaignEventsWorkflowId, (input: { events: CampaignEventInput[] }) => {
  return new WorkflowResponse(recordCampaignEventsStep(input.events))
})
