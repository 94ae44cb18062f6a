import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../modules/loyalty-points/events"
import { evaluateTiersStep, type EvaluateTiersInput } from "./steps/evaluate-tiers"

export const evaluateTiersWorkflowId = "evaluate-tiers"

/**
 * Re-evaluates loyalty tiers (nightly for everyone, or for customers whose points just changed),
 * syncs the tiers' customer groups and emits `loyalty.tier_changed` for each change.
 */
export const evaluateTiersWorkflow = createWorkflow(evaluateTiersWorkflowId, (input: EvaluateTiersInput) => {
  const evaluated = evaluateTiersStep(input)
  when({ evaluated }, ({ evaluated }) => evaluated.changes.length > 0).then(() => {
    emitEventStep({
      eventName: LoyaltyPointsEvents.TIER_CHANGED,
      data: transform({ evaluated }, ({ evaluated }) => evaluated.changes),
    })
  })
  return new WorkflowResponse(evaluated)
})
