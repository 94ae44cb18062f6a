import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enterReferralAutomationsStep, type ReferralConvertedInput } from "./steps/enter-referral-automations"

export type { ReferralConvertedInput }

export const enterReferralAutomationsWorkflowId = "enter-referral-automations"

/** Starts the journeys of automations triggered by a converted referral. */
export const enterReferralAutomationsWorkflow = createWorkflow(
  enterReferralAutomationsWorkflowId,
  (input: ReferralConvertedInput) => new WorkflowResponse(enterReferralAutomationsStep(input))
)
