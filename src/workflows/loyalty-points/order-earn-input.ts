import type { EarnOrder } from "../../modules/loyalty-points/utils/earn-calculation"

/** The order fields the earn calculation needs, read through the query graph. */
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

export type OrderGraph = {
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

