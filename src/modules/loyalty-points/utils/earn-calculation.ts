import { MathBN } from "@medusajs/framework/utils"

export type EarnMultiplier = { target: "product" | "collection" | "category"; id: string; multiplier: number }

export type EarnRuleInput = {
  id: string
  points_per_unit: string | number
  currency_code?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  customer_group_id?: string | null
  /** `{ items: EarnMultiplier[] }` as stored (JSON). */
  multipliers?: Record<string, unknown> | null
  include_shipping?: boolean
  include_tax?: boolean
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  is_active?: boolean
  priority?: number
}

export type EarnOrderLine = {
  id: string
  product_id: string | null
  collection_id: string | null
  category_ids: string[]
  quantity: number
  /** The line's amount after discounts, without tax. */
  amount: string | number
  tax: string | number
}

export type EarnOrder = {
  id: string
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  customer_group_ids: string[]
  placed_at: Date
  lines: EarnOrderLine[]
  shipping: { amount: string | number; tax: string | number }
}

export type EarnEntry = {
  idempotency_key: string
  points: number
  line_item_id: string | null
  quantity: number | null
  /** Points per currency unit applied (rule rate × multiplier). */
  rate: string
  base_amount: string
  /** What the customer paid for the line (or shipping), tax included: refunds are counted against it. */
  metadata: { value: string }
}

export type OrderEarn = { rule_id: string | null; entries: EarnEntry[] }

const SCOPE_FIELDS = ["currency_code", "region_id", "sales_channel_id", "customer_group_id"] as const

/**
 * The rule that applies to an order: active at the order's time, every scope it sets matching
 * the order; among those, the one with the most scopes set, then the highest priority.
 */
export function selectEarnRule<R extends EarnRuleInput>(rules: R[], order: EarnOrder): R | null {
  const at = new Date(order.placed_at).getTime()
  const matches = rules.filter((rule) => {
    if (rule.is_active === false) return false
    if (rule.starts_at && new Date(rule.starts_at).getTime() > at) return false
    if (rule.ends_at && new Date(rule.ends_at).getTime() <= at) return false
    if (rule.currency_code && rule.currency_code.toLowerCase() !== order.currency_code.toLowerCase()) return false
    if (rule.region_id && rule.region_id !== order.region_id) return false
    if (rule.sales_channel_id && rule.sales_channel_id !== order.sales_channel_id) return false
    if (rule.customer_group_id && !order.customer_group_ids.includes(rule.customer_group_id)) return false
    return true
  })
  const specificity = (r: R) => SCOPE_FIELDS.filter((f) => r[f]).length
  matches.sort((a, b) => specificity(b) - specificity(a) || (b.priority ?? 0) - (a.priority ?? 0) || a.id.localeCompare(b.id))
  return matches[0] ?? null
}

/** The highest multiplier among those naming the line's product, collection or categories (1 if none). */
export function lineMultiplier(rule: EarnRuleInput, line: EarnOrderLine): number {
  let best = 0
  const items = Array.isArray(rule.multipliers?.items) ? (rule.multipliers!.items as EarnMultiplier[]) : []
  for (const m of items) {
    const hit =
      (m.target === "product" && m.id === line.product_id) ||
      (m.target === "collection" && m.id === line.collection_id) ||
      (m.target === "category" && line.category_ids.includes(m.id))
    if (hit && m.multiplier > best) {
      best = m.multiplier
    }
  }
  return best || 1
}

/**
 * What an order earns under the rule that applies: one entry per line (and one for shipping when
 * the rule counts it), points = floor(amount × points per unit × multiplier × extra multiplier).
 * The same function serves the real earn and the cart preview.
 */
export function computeOrderEarn(rules: EarnRuleInput[], order: EarnOrder, extraMultiplier = 1): OrderEarn {
  const rule = selectEarnRule(rules, order)
  if (!rule) {
    return { rule_id: null, entries: [] }
  }
  const entries: EarnEntry[] = []
  const add = (key: string, lineId: string | null, quantity: number | null, amount: string | number, tax: string | number, multiplier: number) => {
    const base = rule.include_tax ? MathBN.add(amount, tax) : MathBN.convert(amount)
    if (base.lte(0)) {
      return
    }
    const rate = MathBN.mult(MathBN.mult(rule.points_per_unit, multiplier), extraMultiplier)
    const points = MathBN.mult(base, rate).integerValue(1).toNumber() // ROUND_DOWN
    if (points > 0) {
      entries.push({
        idempotency_key: key,
        points,
        line_item_id: lineId,
        quantity,
        rate: rate.toString(),
        base_amount: base.toString(),
        metadata: { value: MathBN.add(amount, tax).toString() },
      })
    }
  }
  for (const line of order.lines) {
    add(`earn:${order.id}:${line.id}`, line.id, line.quantity, line.amount, line.tax, lineMultiplier(rule, line))
  }
  if (rule.include_shipping) {
    add(`earn:${order.id}:shipping`, null, null, order.shipping.amount, order.shipping.tax, 1)
  }
  return { rule_id: rule.id, entries }
}
