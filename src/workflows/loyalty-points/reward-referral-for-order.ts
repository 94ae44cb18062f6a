import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rewardReferralStep } from "./steps/reward-referral"

export const rewardReferralForOrderWorkflowId = "reward-referral-for-order"

/** order.placed: if the customer was referred, their first order rewards both sides. */
export const rewardReferralForOrderWorkflow = createWorkflow(rewardReferralForOrderWorkflowId, (input: { order_id: string }) => {
  return new WorkflowResponse(rewardReferralStep(input))
})
