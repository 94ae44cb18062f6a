import { MathBN } from "@medusajs/framework/utils"
import type { OrderFactInput, PurchaseFactInput } from "../types"
import type { RowError } from "./history-csv"
import type { OrderRow } from "./history-rows"

/** Who placed an order, when and in which currency: the same on every line of the order. */
export type OrderHeader = { customer_id: string; placed_at: Date; currency_code: string }

export type VariantRef = { id: string; product_id: string }

export type OrderBatch = {
  orders: OrderFactInput[]
  errors: RowError[]
  /** Distinct order lines (order_ref + SKU) of the batch. */
  lines: number
  /** SKUs of the batch no variant has: kept as external products (SKU only). */
  unknown_skus: string[]
}

const iso = (d: Date) => d.toISOString()

/**
 * Groups a batch of orders.csv lines into imported orders (lines of one order need not be
 * adjacent). A line is an error when no customer has its e-mail, or when it disagrees with its
 * order's customer, date or currency, as fixed by an earlier line (`known`: orders this import
 * wrote in earlier batches; else the first line in this batch). The same order_ref and SKU twice:
 * the last line wins, as on a re-import.
 */
export function buildImportedOrders(
  rows: OrderRow[],
  customerIdByEmail: Map<string, string>,
  variantBySku: Map<string, VariantRef>,
  known: Map<string, OrderHeader>
): OrderBatch {
  const errors: RowError[] = []
  const headers = new Map<string, OrderHeader & { line: number | null }>()
  for (const [ref, header] of known) {
    headers.set(ref, { ...header, line: null })
  }
  const linesByOrder = new Map<string, Map<string, PurchaseFactInput>>()
  const unknown = new Set<string>()
  const error = (row: OrderRow, field: string, message: string) => errors.push({ file: "orders.csv", line: row.line, field, message })
  for (const row of rows) {
    const customerId = customerIdByEmail.get(row.email)
    if (!customerId) {
      error(row, "email", "no customer has this e-mail; add the customer to customers.csv")
      continue
    }
    const header = headers.get(row.order_ref)
    if (!header) {
      headers.set(row.order_ref, { customer_id: customerId, placed_at: row.placed_at, currency_code: row.currency_code, line: row.line })
    } else {
      const where = header.line === null ? "its earlier lines" : `line ${header.line}`
      if (header.customer_id !== customerId) {
        error(row, "email", `order ${row.order_ref} belongs to another customer (${where})`)
        continue
      }
      if (header.placed_at.getTime() !== row.placed_at.getTime()) {
        error(row, "placed_at", `order ${row.order_ref} was placed at ${iso(header.placed_at)} (${where})`)
        continue
      }
      if (header.currency_code !== row.currency_code) {
        error(row, "currency_code", `order ${row.order_ref} is in ${header.currency_code} (${where})`)
        continue
      }
    }
    const variant = variantBySku.get(row.sku)
    if (!variant) {
      unknown.add(row.sku)
    }
    const lines = linesByOrder.get(row.order_ref) ?? new Map<string, PurchaseFactInput>()
    linesByOrder.set(row.order_ref, lines)
    lines.set(row.sku, {
      line_key: row.sku,
      product_id: variant?.product_id ?? null,
      variant_id: variant?.id ?? null,
      sku: row.sku,
      quantity: row.quantity,
      refunded_quantity: row.refunded_quantity,
      unit_amount: row.unit_amount,
      net_amount: MathBN.mult(row.unit_amount, row.quantity - row.refunded_quantity).toString(),
    })
  }
  const orders: OrderFactInput[] = []
  let lineCount = 0
  for (const [ref, lines] of linesByOrder) {
    const header = headers.get(ref)!
    const list = [...lines.values()]
    lineCount += list.length
    orders.push({
      source: "import",
      order_key: ref,
      customer_id: header.customer_id,
      placed_at: header.placed_at,
      currency_code: header.currency_code,
      total: list.reduce((sum, l) => MathBN.add(sum, MathBN.mult(l.unit_amount, l.quantity)), MathBN.convert(0)).toString(),
      refunded_total: list.reduce((sum, l) => MathBN.add(sum, MathBN.mult(l.unit_amount, l.refunded_quantity)), MathBN.convert(0)).toString(),
      lines: list,
    })
  }
  return { orders, errors, lines: lineCount, unknown_skus: [...unknown].sort() }
}
