import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../modules/loyalty-points/events"
import { computeOrderEarnStep } from "./steps/compute-order-earn"
import { ORDER_EARN_FIELDS, toEarnOrder, type OrderGraph } from "./order-earn-input"
import { creditOrderPointsStep } from "./steps/credit-order-points"

export const earnPointsForOrderWorkflowId = "earn-points-for-order"

export type EarnPointsForOrderInput = { order_id: string }

/**
 * Earns an order's points (order.placed): reads the order, applies the earn rule in force and
 * credits one pending lot per line. Idempotent per line (`earn:<order>:<line>`); orders without
 * a customer earn nothing.
 */
export const earnPointsForOrderWorkflow = createWorkflow(earnPointsForOrderWorkflowId, (input: EarnPointsForOrderInput) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: ORDER_EARN_FIELDS,
    filters: { id: input.order_id },
    options: { throwIfKeyNotFound: true },
  })
  const order = transform({ orders }, ({ orders }) => orders[0] as OrderGraph)
  const earn = computeOrderEarnStep(transform({ order }, ({ order }) => ({ order: toEarnOrder(order), customer_id: order.customer_id })))
  const credited = creditOrderPointsStep(
    transform({ order, earn }, ({ order, earn }) => ({
      customer_id: order.customer_id,
      order_id: order.id,
      currency_code: order.currency_code,
      placed_at: new Date(order.created_at),
      entries: earn.entries,
    }))
  )
  when({ credited }, ({ credited }) => credited.points > 0).then(() => {
    emitEventStep({
      eventName: LoyaltyPointsEvents.POINTS_EARNED,
      data: transform({ order, credited }, ({ order, credited }) => ({
        customer_id: order.customer_id,
        order_id: order.id,
        points: credited.points,
      })),
    })
  })
  return new WorkflowResponse(credited)
})
