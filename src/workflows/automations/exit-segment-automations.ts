import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { exitSegmentAutomationsStep } from "./steps/exit-segment-automations"

export const exitSegmentAutomationsWorkflowId = "exit-segment-automations"

/** Starts the journeys of automations triggered by leaving this segment. */
export const exitSegmentAutomationsWorkflow = createWorkflow(
  exitSegmentAutomationsWorkflowId,
  (input: { segment_id: string; customer_ids: string[]; now?: Date | string }) => new WorkflowResponse(exitSegmentAutomationsStep(input))
)
