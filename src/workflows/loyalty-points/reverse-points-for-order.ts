import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../modules/loyalty-points/events"
import { orderReversalsStep } from "./steps/order-reversals"
import { reverseLotsStep } from "./steps/reverse-lots"

export const reversePointsForOrderWorkflowId = "reverse-points-for-order"

export type ReversePointsForOrderInput = {
  order_id: string
  /** What caused it, unique per cause: `cancel:<order>` or `return:<return id>`. */
  source_key: string
  /** The received return to reverse; omitted → the whole order. */
  return_id?: string
  reason?: string
}

/**
 * Takes back an order's points after a cancellation or a return: proportional to what was
 * returned, at the rate snapshotted when earned (never the current rule), each cause once.
 */
export const reversePointsForOrderWorkflow = createWorkflow(reversePointsForOrderWorkflowId, (input: ReversePointsForOrderInput) => {
  const plan = orderReversalsStep({ order_id: input.order_id, return_id: input.return_id })
  const reversed = reverseLotsStep(
    transform({ input, plan }, ({ input, plan }) => ({
      source_key: input.source_key,
      reversals: plan.reversals,
      reason: input.reason ?? null,
    }))
  )
  when({ reversed }, ({ reversed }) => reversed.points > 0).then(() => {
    emitEventStep({
      eventName: LoyaltyPointsEvents.POINTS_REVERSED,
      data: transform({ input, plan, reversed }, ({ input, plan, reversed }) => ({
        customer_id: plan.customer_id,
        order_id: input.order_id,
        points: reversed.points,
      })),
    })
  })
  return new WorkflowResponse(reversed)
})
