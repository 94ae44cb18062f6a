import { MathBN } from "@medusajs/framework/utils"
import { bandApplies, describeBand } from "./bands"

/**
 * How Medusa 2.21.2 picks the price it charges (PricingRepository.calculatePrices and
 * PricingModuleService.calculatePrices), replayed over every price of a variant so each can say
 * why it was or was not chosen:
 * 1. a price is a candidate when its currency is the context's, its quantity band holds the
 *    quantity, its own rules match the context, and, for a price list's price, the list is active,
 *    within starts_at … ends_at (inclusive) and every rule of the list matches the context;
 * 2. candidates are ordered price-list prices first, then by the number of rules (the price's
 *    plus its list's), most first, then by amount, lowest first;
 * 3. the first price-list candidate decides: an override list's price is charged; a sale list's
 *    price only when it is not above the first base candidate; else the first base candidate.
 * So among lists with the same number of rules (a company list and a segment list, each ruled on
 * one customer group) the lowest price wins; a list with more rules wins over a cheaper one.
 */

export type PriceRule = { attribute: string; operator: string; value: string }
export type PriceListRule = { attribute: string; value: string[] }

export type CandidatePrice = {
  id: string
  amount: string
  currency_code: string
  min_quantity: number | null
  max_quantity: number | null
  rules: PriceRule[]
  price_list: {
    id: string
    title: string
    type: "sale" | "override"
    status: string
    starts_at: Date | null
    ends_at: Date | null
    rules: PriceListRule[]
  } | null
}

/** The store's pricing context: `{ region_id, currency_code, customer: { groups: [{ id }] } }`, a quantity (a cart line) and a time. */
export type ResolutionContext = {
  currency_code: string
  region_id?: string | null
  customer_group_ids: string[]
  quantity?: number
  at: Date
}

export type CheckName = "currency" | "quantity_band" | "status" | "validity" | "list_rules" | "price_rules"
export type Check = { check: CheckName; ok: boolean; detail: string }

export type EvaluatedPrice = CandidatePrice & {
  checks: Check[]
  applies: boolean
  chosen: boolean
  /** Why it was chosen, lost, or does not apply. */
  reason: string
}

export type Resolution = {
  chosen: EvaluatedPrice | null
  candidates: EvaluatedPrice[]
}

/** The context as key → values, the way Medusa flattens it for rule matching. */
function contextValues(context: ResolutionContext): Map<string, string[]> {
  const values = new Map<string, string[]>()
  if (context.region_id) {
    values.set("region_id", [context.region_id])
  }
  if (context.customer_group_ids.length) {
    values.set("customer.groups.id", context.customer_group_ids)
  }
  return values
}

/** A rule key Medusa accepts on a price list, stores, and never applies (the store's context has no such key). */
const LEGACY_GROUP_RULE = "customer_group_id"

function checkListRules(rules: PriceListRule[], values: Map<string, string[]>): Check {
  if (!rules.length) {
    return { check: "list_rules", ok: true, detail: "the list has no rules: it applies to everyone" }
  }
  const failed: string[] = []
  const passed: string[] = []
  for (const rule of rules) {
    const have = values.get(rule.attribute) ?? []
    const hit = have.find((v) => rule.value.includes(v))
    if (rule.attribute === LEGACY_GROUP_RULE) {
      failed.push(
        `${LEGACY_GROUP_RULE} [${rule.value.join(", ")}] never matches: Medusa 2.21.2 stores this key but the store's context carries customer.groups.id; rule the list on that key`
      )
    } else if (hit) {
      passed.push(`${rule.attribute} ${hit} is one of the list's [${rule.value.join(", ")}]`)
    } else if (!have.length) {
      failed.push(`${rule.attribute} must be one of [${rule.value.join(", ")}]; the context has none`)
    } else {
      failed.push(`${rule.attribute} must be one of [${rule.value.join(", ")}]; the context has [${have.join(", ")}]`)
    }
  }
  return failed.length
    ? { check: "list_rules", ok: false, detail: failed.join("; ") }
    : { check: "list_rules", ok: true, detail: passed.join("; ") }
}

function checkPriceRules(rules: PriceRule[], values: Map<string, string[]>): Check {
  if (!rules.length) {
    return { check: "price_rules", ok: true, detail: "the price has no rules of its own" }
  }
  // Context values are strings here, and Medusa compares strings by equality whatever the operator.
  const failed = rules.filter((rule) => !(values.get(rule.attribute) ?? []).includes(rule.value))
  return failed.length
    ? { check: "price_rules", ok: false, detail: failed.map((r) => `${r.attribute} must be ${r.value}; the context has [${(values.get(r.attribute) ?? []).join(", ")}]`).join("; ") }
    : { check: "price_rules", ok: true, detail: rules.map((r) => `${r.attribute} = ${r.value}`).join("; ") }
}

function checksOf(price: CandidatePrice, context: ResolutionContext, values: Map<string, string[]>): Check[] {
  // Without any rule-matching context (no region, no customer), Medusa only takes prices and lists without rules.
  const simple = values.size === 0
  const checks: Check[] = [
    price.currency_code === context.currency_code
      ? { check: "currency", ok: true, detail: `${price.currency_code}` }
      : { check: "currency", ok: false, detail: `the price is in ${price.currency_code}, the context in ${context.currency_code}` },
    bandApplies(price, context.quantity)
      ? { check: "quantity_band", ok: true, detail: `${describeBand(price.min_quantity, price.max_quantity)} holds ${context.quantity ?? "no quantity (a product page: bands starting at 1 or open)"}` }
      : {
          check: "quantity_band",
          ok: false,
          detail:
            context.quantity === undefined
              ? `${describeBand(price.min_quantity, price.max_quantity)}: without a quantity only bands starting at 1 (or open) apply`
              : `${describeBand(price.min_quantity, price.max_quantity)} does not hold ${context.quantity}`,
        },
  ]
  const list = price.price_list
  if (list) {
    checks.push(
      list.status === "active"
        ? { check: "status", ok: true, detail: "the list is active" }
        : { check: "status", ok: false, detail: `the list is ${list.status}, not active` }
    )
    const at = context.at.getTime()
    const started = !list.starts_at || new Date(list.starts_at).getTime() <= at
    const ended = !!list.ends_at && new Date(list.ends_at).getTime() < at
    checks.push(
      started && !ended
        ? { check: "validity", ok: true, detail: `valid ${list.starts_at ? new Date(list.starts_at).toISOString() : "from the start"} – ${list.ends_at ? new Date(list.ends_at).toISOString() : "open-ended"}` }
        : {
            check: "validity",
            ok: false,
            detail: !started ? `starts ${new Date(list.starts_at!).toISOString()}, after ${context.at.toISOString()}` : `ended ${new Date(list.ends_at!).toISOString()}, before ${context.at.toISOString()}`,
          }
    )
    checks.push(simple && list.rules.length ? { check: "list_rules", ok: false, detail: "the context has no region or customer, so only lists without rules apply" } : checkListRules(list.rules, values))
  }
  checks.push(simple && price.rules.length ? { check: "price_rules", ok: false, detail: "the context has no region or customer, so only prices without rules apply" } : checkPriceRules(price.rules, values))
  return checks
}

const rulesCount = (p: CandidatePrice) => p.rules.length + (p.price_list?.rules.length ?? 0)

/** Medusa's order of candidates: price-list prices first, more rules first, lower amount first. */
function medusaOrder(a: CandidatePrice, b: CandidatePrice): number {
  const byList = Number(!!b.price_list) - Number(!!a.price_list)
  if (byList) return byList
  const byRules = rulesCount(b) - rulesCount(a)
  if (byRules) return byRules
  return MathBN.lt(a.amount, b.amount) ? -1 : MathBN.gt(a.amount, b.amount) ? 1 : 0
}

const label = (p: CandidatePrice) => (p.price_list ? `"${p.price_list.title}" (${p.price_list.type})` : "the base price")

/** Replays Medusa's choice over the prices of one variant for the context. */
export function resolvePrice(prices: CandidatePrice[], context: ResolutionContext): Resolution {
  const values = contextValues(context)
  const evaluated: EvaluatedPrice[] = prices.map((price) => {
    const checks = checksOf(price, context, values)
    const failed = checks.find((c) => !c.ok)
    return { ...price, checks, applies: !failed, chosen: false, reason: failed ? `does not apply: ${failed.detail}` : "" }
  })
  const eligible = evaluated.filter((p) => p.applies).sort(medusaOrder)
  const listPrice = eligible.find((p) => p.price_list)
  const basePrice = eligible.find((p) => !p.price_list)
  let chosen: EvaluatedPrice | null = basePrice ?? null
  if (listPrice?.price_list?.type === "override") {
    chosen = listPrice
  } else if (listPrice && (!basePrice || MathBN.lte(listPrice.amount, basePrice.amount))) {
    chosen = listPrice
  }
  for (const price of eligible) {
    if (price === chosen) {
      price.chosen = true
      price.reason =
        price.price_list?.type === "override"
          ? `chosen: the first price-list price (${rulesCount(price)} rule${rulesCount(price) === 1 ? "" : "s"}, lowest amount among those) of an override list is charged`
          : price.price_list
            ? `chosen: the sale price is not above the base price${basePrice ? ` (${basePrice.amount})` : ""}`
            : listPrice
              ? `chosen: the sale price of ${label(listPrice)} (${listPrice.amount}) is above it`
              : "chosen: no price list applies, and it is the first base price (most rules, then lowest)"
      continue
    }
    if (!price.price_list) {
      price.reason =
        chosen?.price_list
          ? `applies, but ${label(chosen)} applies too, and a price list's price comes before the base price`
          : `applies, but ${label(chosen!)} comes first (more rules, or a lower amount)`
    } else if (price !== listPrice) {
      price.reason =
        rulesCount(listPrice!) > rulesCount(price)
          ? `applies, but ${label(listPrice!)} has more rules (${rulesCount(listPrice!)} against ${rulesCount(price)}) and comes first whatever its amount`
          : `applies, but ${label(listPrice!)} is lower (${listPrice!.amount} against ${price.amount})`
    } else {
      price.reason = `applies, but the base price (${basePrice!.amount}) is lower than this sale price`
    }
  }
  return { chosen, candidates: evaluated }
}
