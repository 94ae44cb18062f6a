import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enterSegmentAutomationsStep } from "./steps/enter-segment-automations"

export const enterSegmentAutomationsWorkflowId = "enter-segment-automations"

/** Starts the journeys of automations triggered by entering this segment. */
export const enterSegmentAutomationsWorkflow = createWorkflow(
  enterSegmentAutomationsWorkflowId,
  (input: { segment_id: string; customer_ids: string[]; now?: Date | string }) => new WorkflowResponse(enterSegmentAutomationsStep(input))
)
