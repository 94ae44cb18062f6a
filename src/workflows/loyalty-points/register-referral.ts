import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { registerReferralStep } from "./steps/register-referral"

export const registerReferralWorkflowId = "register-referral"

/** The logged-in customer enters a friend's referral code before their first order. */
export const registerReferralWorkflow = createWorkflow(registerReferralWorkflowId, (input: { customer_id: string; code: string }) => {
  return new WorkflowResponse(registerReferralStep(input))
})
