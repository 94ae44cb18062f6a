import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { backfillOrderPointsStep, type BackfillOrderPointsInput } from "./steps/backfill-order-points"

/** Customers per `loyalty.points_balance_changed` event the backfill emits. */
const CUSTOMERS_PER_EVENT = 1000

export const backfillOrderPointsWorkflowId = "backfill-order-points"

/**
 * Earns points for existing orders that have none yet (plugin installed on a store with history);
 * the customers credited are announced in `loyalty.points_balance_changed` events of up to 1,000.
 */
export const backfillOrderPointsWorkflow = createWorkflow(backfillOrderPointsWorkflowId, (input: BackfillOrderPointsInput) => {
  const backfill = backfillOrderPointsStep(input)
  emitPointsBalanceChanged(
    transform({ backfill }, ({ backfill }) =>
      Array.from({ length: Math.ceil(backfill.customer_ids.length / CUSTOMERS_PER_EVENT) }, (_, i) =>
        backfill.customer_ids.slice(i * CUSTOMERS_PER_EVENT, (i + 1) * CUSTOMERS_PER_EVENT)
      )
    )
  )
  return new WorkflowResponse(backfill)
})
