import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { consumeOrderRedemptionStep } from "./steps/consume-order-redemption"

export const consumeOrderRedemptionWorkflowId = "consume-order-redemption"

/** order.placed: the points held on the order's cart are redeemed, first-expiring first (`loyalty.points_balance_changed`). */
export const consumeOrderRedemptionWorkflow = createWorkflow(consumeOrderRedemptionWorkflowId, (input: { order_id: string }) => {
  const consumed = consumeOrderRedemptionStep(input)
  emitPointsBalanceChanged(transform({ consumed }, ({ consumed }) => [consumed.customer_ids]))
  return new WorkflowResponse(consumed)
})
