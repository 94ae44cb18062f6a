import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../modules/loyalty-points/events"
import type { EarnOrder } from "../../modules/loyalty-points/utils/earn-calculation"
import { computeOrderEarnStep } from "./steps/compute-order-earn"
import { creditOrderPointsStep } from "./steps/credit-order-points"

export const earnPointsForOrderWorkflowId = "earn-points-for-order"

export type EarnPointsForOrderInput = { order_id: string }

export const ORDER_EARN_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "created_at",
  "shipping_total",
  "shipping_tax_total",
  "customer.groups.id",
  "items.id",
  "items.quantity",
  "items.product_id",
  "items.total",
  "items.tax_total",
  "items.product.collection_id",
  "items.product.categories.id",
]

type OrderGraph = {
  id: string
  customer_id: string | null
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  created_at: string | Date
  shipping_total: unknown
  shipping_tax_total: unknown
  customer?: { groups?: { id: string }[] | null } | null
  items?:
    | {
        id: string
        quantity: unknown
        product_id: string | null
        total: unknown
        tax_total: unknown
        product?: { collection_id?: string | null; categories?: { id: string }[] | null } | null
      }[]
    | null
}

/** Shapes an order read through the query graph for the earn calculation. */
export function toEarnOrder(order: OrderGraph): EarnOrder {
  const n = (v: unknown) => Number(v ?? 0)
  return {
    id: order.id,
    currency_code: order.currency_code,
    region_id: order.region_id,
    sales_channel_id: order.sales_channel_id,
    customer_group_ids: (order.customer?.groups ?? []).map((g) => g.id),
    placed_at: new Date(order.created_at),
    lines: (order.items ?? []).map((item) => ({
      id: item.id,
      product_id: item.product_id,
      collection_id: item.product?.collection_id ?? null,
      category_ids: (item.product?.categories ?? []).map((c) => c.id),
      quantity: n(item.quantity),
      amount: String(n(item.total) - n(item.tax_total)),
      tax: String(n(item.tax_total)),
    })),
    shipping: { amount: String(n(order.shipping_total) - n(order.shipping_tax_total)), tax: String(n(order.shipping_tax_total)) },
  }
}

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
  const earn = computeOrderEarnStep({ order: transform({ order }, ({ order }) => toEarnOrder(order)) })
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
