import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitMembershipEventsStep } from "./steps/emit-membership-events"
import { evaluateCustomerSegmentsStep } from "./steps/evaluate-customer-segments"
import { syncSegmentGroupsStep } from "./steps/sync-segment-groups"

export const evaluateCustomerSegmentsWorkflowId = "evaluate-customer-segments"

/**
 * Customers' facts changed: their membership in every live segment is re-evaluated within seconds,
 * groups synced, entries and exits announced once each (a replayed event changes nothing).
 */
export const evaluateCustomerSegmentsWorkflow = createWorkflow(
  evaluateCustomerSegmentsWorkflowId,
  (input: { customer_ids: string[]; now?: Date | string }) => {
    const evaluated = evaluateCustomerSegmentsStep(input)
    syncSegmentGroupsStep(evaluated)
    emitMembershipEventsStep(evaluated)
    return new WorkflowResponse(evaluated)
  }
)
