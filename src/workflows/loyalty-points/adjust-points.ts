import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { requireExisting } from "./require-existing"
import { adjustPointsStep, type AdjustPointsStepInput } from "./steps/adjust-points"

export type AdjustPointsWorkflowInput = AdjustPointsStepInput

export const adjustPointsWorkflowId = "adjust-points"

/**
 * A merchant's manual points adjustment for an existing customer: credit or debit, idempotent by
 * key; emits `loyalty.points_balance_changed` unless it was a replay.
 */
export const adjustPointsWorkflow = createWorkflow(
  adjustPointsWorkflowId,
  (input: WorkflowData<AdjustPointsWorkflowInput>) => {
    requireExisting("customer", input.customer_id)
    const adjustment = adjustPointsStep(input)
    emitPointsBalanceChanged(
      transform({ adjustment, input }, ({ adjustment, input }) => [adjustment.recorded ? [input.customer_id] : []])
    )
    return new WorkflowResponse(adjustment)
  }
)
