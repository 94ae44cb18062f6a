import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enterTierChangedAutomationsStep, type TierChangedInput } from "./steps/enter-tier-changed-automations"

export type { TierChangedInput }

export const enterTierChangedAutomationsWorkflowId = "enter-tier-changed-automations"

/** Starts the journeys of automations triggered by a loyalty tier change. */
export const enterTierChangedAutomationsWorkflow = createWorkflow(
  enterTierChangedAutomationsWorkflowId,
  (input: TierChangedInput) => new WorkflowResponse(enterTierChangedAutomationsStep(input))
)
