import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { expirePointsStep, type ExpirePointsStepInput } from "./steps/expire-points"

export const expirePointsWorkflowId = "expire-points"

/**
 * Expires points whose lots have passed their expiry date (hourly job) and emits
 * `loyalty.points_balance_changed` once per batch with the customers it affected.
 */
export const expirePointsWorkflow = createWorkflow(expirePointsWorkflowId, (input: ExpirePointsStepInput) => {
  const expired = expirePointsStep(input)
  emitPointsBalanceChanged(transform({ expired }, ({ expired }) => expired.batches))
  return new WorkflowResponse(expired)
})
