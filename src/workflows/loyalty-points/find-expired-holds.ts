import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findExpiredHoldsStep } from "./steps/find-expired-holds"

export const findExpiredHoldsWorkflowId = "find-expired-holds"

/** The carts whose points hold has expired (abandoned), for the release job. */
export const findExpiredHoldsWorkflow = createWorkflow(findExpiredHoldsWorkflowId, (input: { now?: Date | string; limit?: number }) => {
  return new WorkflowResponse(findExpiredHoldsStep(input))
})
