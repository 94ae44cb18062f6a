import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { voidReferralStep } from "./steps/void-referral"

export const voidReferralForOrderWorkflowId = "void-referral-for-order"

/** order.canceled: a referral rewarded by this order is void. */
export const voidReferralForOrderWorkflow = createWorkflow(voidReferralForOrderWorkflowId, (input: { order_id: string }) => {
  return new WorkflowResponse(voidReferralStep(input))
})
