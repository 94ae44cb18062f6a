import { MathBN } from "@medusajs/framework/utils"
import type { ConsentInput, CustomerAttributes, OrderFactInput } from "../types"

/** Customer fields the projection reads through the query graph. */
export const CUSTOMER_SOURCE_FIELDS = [
  "id",
  "email",
  "first_name",
  "last_name",
  "has_account",
  "created_at",
  "metadata",
  "groups.id",
  "addresses.is_default_shipping",
  "addresses.country_code",
  "addresses.province",
  "addresses.city",
  "addresses.postal_code",
  "addresses.created_at",
]

/** Order fields the projection reads through the query graph. */
export const ORDER_SOURCE_FIELDS = [
  "id",
  "status",
  "is_draft_order",
  "customer_id",
  "currency_code",
  "created_at",
  "total",
  "summary.*",
  "items.id",
  "items.quantity",
  "items.variant_id",
  "items.product_id",
  "items.variant_sku",
  "items.unit_price",
  "items.total",
  "items.detail.return_received_quantity",
]

export type CustomerGraph = {
  id: string
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  has_account?: boolean | null
  created_at?: string | Date | null
  metadata?: Record<string, unknown> | null
  groups?: ({ id: string } | null)[] | null
  addresses?:
    | ({
        is_default_shipping?: boolean | null
        country_code?: string | null
        province?: string | null
        city?: string | null
        postal_code?: string | null
        created_at?: string | Date | null
      } | null)[]
    | null
}

export type OrderGraph = {
  id: string
  status?: string | null
  is_draft_order?: boolean | null
  customer_id?: string | null
  currency_code: string
  created_at: string | Date
  total?: unknown
  summary?: { refunded_total?: unknown; credit_line_total?: unknown } | null
  items?:
    | ({
        id: string
        quantity?: unknown
        variant_id?: string | null
        product_id?: string | null
        variant_sku?: string | null
        unit_price?: unknown
        total?: unknown
        detail?: { return_received_quantity?: unknown } | null
      } | null)[]
    | null
}

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

/** The customer's attributes: the default shipping address, else the most recent one, gives the location. */
export function toCustomerAttributes(customer: CustomerGraph): CustomerAttributes {
  const addresses = (customer.addresses ?? []).filter((a): a is NonNullable<typeof a> => !!a)
  const address =
    addresses.find((a) => a.is_default_shipping) ??
    [...addresses].sort((a, b) => new Date(b.created_at ?? 0).getTime() - new Date(a.created_at ?? 0).getTime())[0]
  const email = text(customer.email)?.toLowerCase() ?? null
  return {
    customer_id: customer.id,
    email,
    first_name: text(customer.first_name),
    last_name: text(customer.last_name),
    has_account: !!customer.has_account,
    customer_created_at: customer.created_at ? new Date(customer.created_at) : null,
    group_ids: [...new Set((customer.groups ?? []).filter((g): g is { id: string } => !!g).map((g) => g.id))].sort(),
    metadata: customer.metadata ?? null,
    country_code: text(address?.country_code)?.toLowerCase() ?? null,
    province: text(address?.province),
    city: text(address?.city),
    postal_code: text(address?.postal_code),
  }
}

/**
 * `metadata.marketing_consent` (true/false) set by a storefront or an import on the customer is
 * e-mail marketing consent; anything else says nothing.
 */
export function metadataConsent(customer: CustomerGraph): ConsentInput | null {
  const value = customer.metadata?.marketing_consent
  const granted = value === true || value === "true" ? true : value === false || value === "false" ? false : null
  return granted === null ? null : { customer_id: customer.id, purpose: "email_marketing", granted, source: "customer_metadata" }
}

/** Whether an order counts: placed (not a draft) and not canceled. */
export function orderCounts(order: OrderGraph): boolean {
  return !!order.customer_id && !order.is_draft_order && order.status !== "canceled" && order.status !== "draft"
}

/**
 * An order as facts: its value, what was refunded, and per line the units kept (bought minus
 * received back) and their share of the line's total.
 */
export function toOrderFact(order: OrderGraph): OrderFactInput {
  const lines = (order.items ?? [])
    .filter((item): item is NonNullable<typeof item> => !!item)
    .map((item) => {
      const quantity = Number(item.quantity ?? 0)
      const refunded = Math.min(quantity, Number(item.detail?.return_received_quantity ?? 0))
      const total = MathBN.convert((item.total as string | number | undefined) ?? 0)
      const net = quantity > 0 ? MathBN.div(MathBN.mult(total, quantity - refunded), quantity) : MathBN.convert(0)
      return {
        line_key: item.id,
        product_id: item.product_id ?? null,
        variant_id: item.variant_id ?? null,
        sku: text(item.variant_sku),
        quantity,
        refunded_quantity: refunded,
        unit_amount: MathBN.convert((item.unit_price as string | number | undefined) ?? 0).toString(),
        net_amount: net.decimalPlaces(4).toString(),
      }
    })
  return {
    source: "medusa",
    order_key: order.id,
    customer_id: order.customer_id!,
    placed_at: new Date(order.created_at),
    currency_code: order.currency_code.toLowerCase(),
    // A refund also adds a credit line that lowers `total`; credit lines (refunds, store credit) are
    // added back so `total` is the order's value, and refunds are subtracted once, as refunded_total.
    total: MathBN.add(
      MathBN.convert((order.total as string | number | undefined) ?? 0),
      MathBN.convert((order.summary?.credit_line_total as string | number | undefined) ?? 0)
    ).toString(),
    refunded_total: MathBN.convert((order.summary?.refunded_total as string | number | undefined) ?? 0).toString(),
    lines,
  }
}
