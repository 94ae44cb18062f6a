import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { restoreOrderRedemptionStep } from "./steps/restore-order-redemption"

export const restoreOrderRedemptionWorkflowId = "restore-order-redemption"

/** order.canceled: the points the order redeemed are given back (`loyalty.points_balance_changed`). */
export const restoreOrderRedemptionWorkflow = createWorkflow(restoreOrderRedemptionWorkflowId, (input: { order_id: string }) => {
  const restored = restoreOrderRedemptionStep(input)
  emitPointsBalanceChanged(transform({ restored }, ({ restored }) => [restored.customer_ids]))
  return new WorkflowResponse(restored)
})
