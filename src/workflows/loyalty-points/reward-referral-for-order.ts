import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { rewardReferralStep } from "./steps/reward-referral"

export const rewardReferralForOrderWorkflowId = "reward-referral-for-order"

/** order.placed: if the customer was referred, their first order rewards both sides (`loyalty.points_balance_changed`). */
export const rewardReferralForOrderWorkflow = createWorkflow(rewardReferralForOrderWorkflowId, (input: { order_id: string }) => {
  const rewarded = rewardReferralStep(input)
  emitPointsBalanceChanged(transform({ rewarded }, ({ rewarded }) => [rewarded.customer_ids]))
  return new WorkflowResponse(rewarded)
})
