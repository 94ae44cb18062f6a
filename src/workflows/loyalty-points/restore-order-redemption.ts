import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { restoreOrderRedemptionStep } from "./steps/restore-order-redemption"

export const restoreOrderRedemptionWorkflowId = "restore-order-redemption"

/** order.canceled: the points the order redeemed are given back. */
export const restoreOrderRedemptionWorkflow = createWorkflow(restoreOrderRedemptionWorkflowId, (input: { order_id: string }) => {
  return new WorkflowResponse(restoreOrderRedemptionStep(input))
})
