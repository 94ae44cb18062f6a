import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../modules/loyalty-points/events"
import { orderReversalStateStep } from "./steps/order-reversal-state"
import { reverseOrderPointsStep } from "./steps/reverse-order-points"

export const reversePointsForOrderWorkflowId = "reverse-points-for-order"

export type ReversePointsForOrderInput = {
  order_id: string
  /** What caused it, unique per cause: `cancel:<order>`, `return:<return id>` or `refund:<refund id>`. */
  source_key: string
  /** The cause is the order's cancellation: everything is reversed. */
  canceled?: boolean
  /** The return being received, counted even before Medusa marks it received. */
  return_id?: string
  reason?: string
}

/**
 * Takes back an order's points after a cancellation, a return or a refund: up to the larger of
 * the returned and the refunded share of the order (everything once canceled), at the rate
 * snapshotted when earned (never the current rule), so a return and its refund, replays and
 * several partial refunds never reverse more than that.
 */
export const reversePointsForOrderWorkflow = createWorkflow(reversePointsForOrderWorkflowId, (input: ReversePointsForOrderInput) => {
  const state = orderReversalStateStep({ order_id: input.order_id, canceled: input.canceled, return_id: input.return_id })
  const reversed = reverseOrderPointsStep(
    transform({ input, state }, ({ input, state }) => ({
      ...state,
      order_id: input.order_id,
      source_key: input.source_key,
      reason: input.reason ?? null,
    }))
  )
  when({ reversed }, ({ reversed }) => reversed.points > 0).then(() => {
    emitEventStep({
      eventName: LoyaltyPointsEvents.POINTS_REVERSED,
      data: transform({ input, reversed }, ({ input, reversed }) => ({
        customer_id: reversed.customer_id,
        order_id: input.order_id,
        points: reversed.points,
      })),
    })
  })
  return new WorkflowResponse(reversed)
})
