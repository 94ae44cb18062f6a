import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { backfillOrderPointsStep, type BackfillOrderPointsInput } from "./steps/backfill-order-points"

export const backfillOrderPointsWorkflowId = "backfill-order-points"

/** Earns points for existing orders that have none yet (plugin installed on a store with history). */
export const backfillOrderPointsWorkflow = createWorkflow(backfillOrderPointsWorkflowId, (input: BackfillOrderPointsInput) => {
  return new WorkflowResponse(backfillOrderPointsStep(input))
})
