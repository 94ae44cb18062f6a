import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { consumeOrderRedemptionStep } from "./steps/consume-order-redemption"

export const consumeOrderRedemptionWorkflowId = "consume-order-redemption"

/** order.placed: the points held on the order's cart are redeemed, first-expiring first. */
export const consumeOrderRedemptionWorkflow = createWorkflow(consumeOrderRedemptionWorkflowId, (input: { order_id: string }) => {
  return new WorkflowResponse(consumeOrderRedemptionStep(input))
})
