import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { voidReferralStep } from "./steps/void-referral"

export const voidReferralForOrderWorkflowId = "void-referral-for-order"

/** order.canceled: a referral rewarded by this order is void and both sides' points reversed (`loyalty.points_balance_changed`). */
export const voidReferralForOrderWorkflow = createWorkflow(voidReferralForOrderWorkflowId, (input: { order_id: string }) => {
  const voided = voidReferralStep(input)
  emitPointsBalanceChanged(transform({ voided }, ({ voided }) => [voided.customer_ids]))
  return new WorkflowResponse(voided)
})
