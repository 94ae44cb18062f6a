import { MedusaError } from "@medusajs/framework/utils"
import { expandCountries } from "./country-lists"
import type { ResolvedReferences } from "./references"
import {
  CHURN_RISK_LEVELS,
  type Condition,
  type ConditionOf,
  type DateCondition,
  type NumberCondition,
  type ProductTargetCondition,
  type PurchaseWindow,
  type SegmentNode,
} from "./schema"
import { join, raw, sql, value, type Fragment } from "./sql-fragment"

/**
 * Compiles a segment tree into ONE parameterised SQL boolean over `customer_fact cf` (and the
 * other facts tables through subqueries). Two renderings of the same tree:
 * - "set": for counting and listing everyone; conditions on other tables become uncorrelated
 *   `cf.customer_id [not] in (select customer_id ...)`, which PostgreSQL runs as hash semi-joins
 *   or hashed subplans over the whole table at once;
 * - "customer": for one or a few customers; the same conditions become correlated subqueries that
 *   the indexes on customer_id answer in microseconds.
 * Relative dates are computed in the query from the bound `now`, so they are exact when it runs.
 */
export type CompileMode = "set" | "customer"

export type CompileOptions = {
  mode: CompileMode
  now: Date
  references: ResolvedReferences
  /** The segment being compiled, so a reference back to it is a cycle. */
  segment_id?: string
}

/** A compiled condition: its truth, and for explain the fact value it looked at. */
export type CompiledCondition = { predicate: Fragment; value?: Fragment }

const CONSENT_COLUMNS = {
  email_marketing: "cf.email_marketing_consent",
  sms_marketing: "cf.sms_marketing_consent",
  tracking: "cf.tracking_consent",
} as const
const RFM_COLUMNS = { recency: "cf.r_score", frequency: "cf.f_score", monetary: "cf.m_score" } as const
const NUMBER_SQL = { eq: "=", neq: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const

const orFalse = (f: Fragment) => sql`coalesce((${f}), false)`
const not = (f: Fragment) => sql`(not ${f})`

/** Escapes LIKE wildcards so a value matches literally. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

function numberTest(expression: Fragment, c: NumberCondition): Fragment {
  if (c.op === "between") {
    return sql`(${expression} between ${value(c.from)} and ${value(c.to)})`
  }
  return sql`(${expression} ${raw(NUMBER_SQL[c.op])} ${value(c.value)})`
}

/** Whether a customer with nothing to count (0) meets the condition. */
function zeroMeets(c: NumberCondition): boolean {
  const v = c.value ?? 0
  switch (c.op) {
    case "eq":
      return v === 0
    case "neq":
      return v !== 0
    case "gt":
      return 0 > v
    case "gte":
      return 0 >= v
    case "lt":
      return 0 < v
    case "lte":
      return 0 <= v
    case "between":
      return (c.from ?? 0) <= 0 && 0 <= (c.to ?? 0)
  }
}

export class SegmentCompiler {
  constructor(private readonly options: CompileOptions) {}

  private readonly now = (): Fragment => value(this.options.now.toISOString(), "timestamptz")

  private shifted(sign: "-" | "+", amount: number, unit: string): Fragment {
    return sql`(${this.now()} ${raw(sign)} ${value(`${amount} ${unit}`, "interval")})`
  }

  /** A date-only bound (YYYY-MM-DD) covers its whole day: "to 2026-03-31" includes that day. */
  private dayStart = (date: string): Fragment => value(date, date.length === 10 ? "date" : "timestamptz")
  private dayEnd = (date: string): Fragment =>
    date.length === 10 ? sql`(${value(date, "date")} + 1)` : value(date, "timestamptz")

  private dateTest(expression: Fragment, c: DateCondition): Fragment {
    switch (c.op) {
      case "before":
        return sql`(${expression} < ${this.dayStart(c.date!)})`
      case "after":
        return sql`(${expression} >= ${this.dayEnd(c.date!)})`
      case "between":
        return sql`(${expression} >= ${this.dayStart(c.from!)} and ${expression} < ${this.dayEnd(c.to!)})`
      case "within_last":
        return sql`(${expression} >= ${this.shifted("-", c.amount!, c.unit!)} and ${expression} <= ${this.now()})`
      case "more_than_ago":
        return sql`(${expression} < ${this.shifted("-", c.amount!, c.unit!)})`
      case "within_next":
        return sql`(${expression} >= ${this.now()} and ${expression} < ${this.shifted("+", c.amount!, c.unit!)})`
    }
  }

  private windowTest(column: Fragment, window: PurchaseWindow | undefined): Fragment[] {
    if (!window) {
      return []
    }
    if (window.within_last) {
      return [sql`${column} >= ${this.shifted("-", window.within_last.amount, window.within_last.unit)}`, sql`${column} <= ${this.now()}`]
    }
    return [
      ...(window.from ? [sql`${column} >= ${this.dayStart(window.from)}`] : []),
      ...(window.to ? [sql`${column} < ${this.dayEnd(window.to)}`] : []),
    ]
  }

  /**
   * A condition on rows of another facts table `t` (one customer's rows: `t.customer_id`).
   * `having` is a boolean over aggregates of those rows (none: the rows exist); `zeroMeets` says
   * whether a customer without rows meets it, which the set rendering must know.
   */
  private aggregate(input: { from: string; where: Fragment[]; having?: Fragment; zeroMeets?: boolean; value?: Fragment }): CompiledCondition {
    const where = input.where.length ? join(input.where, " and ") : raw("true")
    const from = raw(input.from)
    const valueOf = input.value && sql`(select ${input.value} from ${from} where t.customer_id = cf.customer_id and ${where})`
    if (this.options.mode === "customer") {
      const predicate = input.having
        ? orFalse(sql`(select ${input.having} from ${from} where t.customer_id = cf.customer_id and ${where})`)
        : sql`exists (select 1 from ${from} where t.customer_id = cf.customer_id and ${where})`
      return { predicate, value: valueOf }
    }
    if (!input.having) {
      return { predicate: sql`cf.customer_id in (select t.customer_id from ${from} where ${where})`, value: valueOf }
    }
    const having = orFalse(input.having)
    const predicate = input.zeroMeets
      ? sql`cf.customer_id not in (select t.customer_id from ${from} where ${where} group by t.customer_id having not ${having})`
      : sql`cf.customer_id in (select t.customer_id from ${from} where ${where} group by t.customer_id having ${having})`
    return { predicate, value: valueOf }
  }

  /** Product ids, variant ids and SKUs a purchase condition names, categories/collections/tags resolved to products. */
  private targets(c: ProductTargetCondition): Fragment {
    const refs = this.options.references
    const products = new Set(c.product_ids ?? [])
    for (const [ids, map] of [
      [c.category_ids, refs.products_by_category],
      [c.collection_ids, refs.products_by_collection],
      [c.tag_ids, refs.products_by_tag],
    ] as const) {
      for (const id of ids ?? []) {
        for (const productId of map[id] ?? []) products.add(productId)
      }
    }
    const parts: Fragment[] = []
    if (products.size || c.category_ids || c.collection_ids || c.tag_ids) {
      parts.push(sql`t.product_id = any(${value([...products].sort(), "text[]")})`)
    }
    if (c.variant_ids?.length) parts.push(sql`t.variant_id = any(${value(c.variant_ids, "text[]")})`)
    if (c.skus?.length) parts.push(sql`t.sku = any(${value(c.skus, "text[]")})`)
    return parts.length === 1 ? parts[0] : sql`(${join(parts, " or ")})`
  }

  /** Compiles a tree; `stack` holds the segments being expanded (a reference back into it is a cycle). */
  node(node: SegmentNode, stack: string[] = this.options.segment_id ? [this.options.segment_id] : []): Fragment {
    if ("and" in node) return sql`(${join(node.and.map((n) => this.node(n, stack)), " and ")})`
    if ("or" in node) return sql`(${join(node.or.map((n) => this.node(n, stack)), " or ")})`
    if ("not" in node) return not(this.negated(() => this.node(node.not, stack)))
    return this.condition(node, stack).predicate
  }

  /** How many NOTs enclose the node being compiled. */
  private negations = 0

  private negated<T>(compile: () => T): T {
    this.negations++
    try {
      return compile()
    } finally {
      this.negations--
    }
  }

  /**
   * A test on a nullable column, as a positive leaf. Outside any NOT, NULL and false both leave the
   * customer out, so the bare comparison is kept: the planner estimates it and can use the
   * column's index (`coalesce(...)` hid it: a seq scan of every customer at 1M). Under a NOT the
   * NULL must be false first, or `not null` would leave out customers the tree includes.
   */
  private nullableTest(test: Fragment): Fragment {
    return this.negations % 2 === 0 ? sql`(${test})` : orFalse(test)
  }

  condition(c: Condition, stack: string[] = []): CompiledCondition {
    switch (c.field) {
      case "email_domain": {
        const is = sql`cf.email_domain = any(${value(c.values, "text[]")})`
        return { predicate: c.op === "in" ? this.nullableTest(is) : not(orFalse(is)), value: raw("cf.email_domain") }
      }
      case "signed_up":
        return { predicate: this.nullableTest(this.dateTest(raw("cf.customer_created_at"), c)), value: raw("cf.customer_created_at") }
      case "has_account":
        return { predicate: sql`(cf.has_account = ${value(c.value)})`, value: raw("cf.has_account") }
      case "customer_group": {
        const groups = value([...new Set(c.group_ids)].sort(), "text[]")
        const predicate =
          c.op === "in_any" ? sql`(cf.group_ids && ${groups})` : c.op === "in_all" ? sql`(cf.group_ids @> ${groups})` : not(sql`(cf.group_ids && ${groups})`)
        return { predicate, value: raw("cf.group_ids") }
      }
      case "metadata":
        return this.metadata(c)
      case "consent": {
        const column = raw(CONSENT_COLUMNS[c.purpose])
        return { predicate: sql`(${column} = ${value(c.value)})`, value: column }
      }
      case "country":
        return this.countries(expandCountries(c.values), c.op)
      case "region": {
        const countries = c.region_ids.flatMap((id) => this.options.references.countries_by_region[id] ?? [])
        return this.countries(expandCountries(countries), c.op)
      }
      case "city": {
        const is = sql`lower(cf.city) = any(${value(c.values.map((v) => v.toLowerCase()), "text[]")})`
        return { predicate: c.op === "in" ? this.nullableTest(is) : not(orFalse(is)), value: raw("cf.city") }
      }
      case "postal_code": {
        const prefixes = c.values.map((v) => `${likeLiteral(v.replace(/\s+/g, "").toUpperCase())}%`)
        const is = sql`replace(upper(cf.postal_code), ' ', '') like any(${value(prefixes, "text[]")})`
        return { predicate: c.op === "starts_with" ? this.nullableTest(is) : not(orFalse(is)), value: raw("cf.postal_code") }
      }
      case "order_count":
        if (!c.window) {
          return { predicate: numberTest(raw("cf.order_count"), c), value: raw("cf.order_count") }
        }
        return this.aggregate({
          from: "order_fact t",
          where: this.windowTest(raw("t.placed_at"), c.window),
          having: numberTest(raw("count(*)"), c),
          zeroMeets: zeroMeets(c),
          value: raw("count(*)"),
        })
      case "total_spent":
        return c.window
          ? this.aggregate({
              from: "order_fact t",
              where: [sql`t.currency_code = ${value(c.currency_code)}`, ...this.windowTest(raw("t.placed_at"), c.window)],
              having: numberTest(raw("coalesce(sum(t.net_total), 0)"), c),
              zeroMeets: zeroMeets(c),
              value: raw("coalesce(sum(t.net_total), 0)"),
            })
          : this.spentInCurrency(c)
      case "average_order_value":
        return this.aggregate({
          from: "customer_spend_fact t",
          where: [sql`t.currency_code = ${value(c.currency_code)}`],
          having: numberTest(raw("max(t.average_order_value)"), c),
          zeroMeets: false,
          value: raw("max(t.average_order_value)"),
        })
      case "first_order_at":
        return { predicate: orFalse(this.dateTest(raw("cf.first_order_at"), c)), value: raw("cf.first_order_at") }
      case "last_order_at":
        return { predicate: orFalse(this.dateTest(raw("cf.last_order_at"), c)), value: raw("cf.last_order_at") }
      case "rfm": {
        const column = raw(RFM_COLUMNS[c.dimension])
        return { predicate: orFalse(numberTest(column, c)), value: column }
      }
      case "expected_next_order_at":
        return { predicate: orFalse(this.dateTest(raw("cf.expected_next_order_at"), c)), value: raw("cf.expected_next_order_at") }
      case "churn_risk": {
        const rank = CHURN_RISK_LEVELS.indexOf(c.level)
        const levels = CHURN_RISK_LEVELS.filter((_, i) => (c.op === "is" ? i === rank : c.op === "at_least" ? i >= rank : i <= rank))
        return { predicate: orFalse(sql`cf.churn_risk = any(${value(levels, "text[]")})`), value: raw("cf.churn_risk") }
      }
      case "churn_risk_ratio":
        return { predicate: orFalse(numberTest(raw("cf.churn_risk_ratio"), c)), value: raw("cf.churn_risk_ratio") }
      case "purchased":
        return this.purchased(c)
      case "supply_runs_out":
        return this.supplyRunsOut(c)
      case "viewed_product":
        return this.viewedProduct(c)
      case "points_balance":
        return { predicate: numberTest(raw("cf.points_balance"), c), value: raw("cf.points_balance") }
      case "tier": {
        const is = sql`cf.tier_id = any(${value(c.tier_ids, "text[]")})`
        return { predicate: c.op === "in" ? this.nullableTest(is) : not(orFalse(is)), value: raw("cf.tier_id") }
      }
      case "upgrade_available":
        return this.upgradeAvailable(c)
      case "propensity":
        return this.aggregate({
          from: "insights_propensity_score t",
          where: [
            sql`t.model_id = ${value(c.model_id)}`,
            ...(c.top_k !== undefined ? [sql`t.rank <= ${value(c.top_k)}`] : []),
            ...(c.min_score !== undefined ? [sql`t.score >= ${value(c.min_score, "float8")}`] : []),
          ],
          value: sql`max(t.score)`,
        })
      case "segment": {
        if (stack.includes(c.segment_id)) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `segment_id: segment ${c.segment_id} refers back to itself (${[...stack, c.segment_id].join(" → ")})`
          )
        }
        const referenced = this.options.references.segments[c.segment_id]
        if (!referenced) {
          throw new MedusaError(MedusaError.Types.INVALID_DATA, `segment_id: no segment ${c.segment_id}`)
        }
        if (c.op === "member") return { predicate: this.node(referenced, [...stack, c.segment_id]) }
        return { predicate: not(this.negated(() => this.node(referenced, [...stack, c.segment_id]))) }
      }
    }
  }

  /** Owners (units kept) of an active upgrade path's predecessor who own none of its successor (see the insights module). */
  private upgradeAvailable(c: ConditionOf<"upgrade_available">): CompiledCondition {
    const paths = c.upgrade_path_ids ? sql` and up.id = any(${value([...c.upgrade_path_ids].sort(), "text[]")})` : raw("")
    return this.aggregate({
      from: `customer_product_fact t join insights_upgrade_path up on up.product_id = t.product_id and (up.variant_id is null or t.variant_id = up.variant_id)`,
      where: [
        sql`up.deleted_at is null and up.is_active and t.quantity > 0${paths}`,
        raw(`not exists (select 1 from customer_product_fact s where s.customer_id = t.customer_id and s.product_id = up.successor_product_id
          and (up.successor_variant_id is null or s.variant_id = up.successor_variant_id) and s.quantity > 0)`),
      ],
      value: sql`count(distinct up.id)`,
    })
  }

  private countries(codes: string[], op: "in" | "not_in"): CompiledCondition {
    const is = sql`cf.country_code = any(${value(codes, "text[]")})`
    // "Not in": a customer without a country is not in any, and `<> all` keeps the test estimable.
    const predicate = op === "in" ? this.nullableTest(is) : sql`(cf.country_code is null or cf.country_code <> all(${value(codes, "text[]")}))`
    return { predicate, value: raw("cf.country_code") }
  }

  private metadata(c: ConditionOf<"metadata">): CompiledCondition {
    const path = value(c.key.split("."), "text[]")
    const text = sql`(cf.metadata #>> ${path})`
    switch (c.op) {
      case "exists":
        return { predicate: sql`((cf.metadata #> ${path}) is not null)`, value: text }
      case "not_exists":
        return { predicate: sql`((cf.metadata #> ${path}) is null)`, value: text }
      case "eq":
        return { predicate: this.nullableTest(sql`${text} = ${value(String(c.value))}`), value: text }
      case "neq":
        return { predicate: not(orFalse(sql`${text} = ${value(String(c.value))}`)), value: text }
      case "contains":
        return { predicate: this.nullableTest(sql`${text} ilike ${value(`%${likeLiteral(String(c.value))}%`)}`), value: text }
      default: {
        // Numbers stored as JSON numbers or numeric strings compare as numbers; anything else never matches.
        // No "?" in the pattern: knex would read it as a binding.
        const numeric = sql`(case when ${text} ~ '^-{0,1}[0-9]+([.][0-9]+){0,1}$' then (${text})::numeric end)`
        return { predicate: orFalse(numberTest(numeric, { op: c.op, value: c.value as number })), value: text }
      }
    }
  }

  private purchased(c: ConditionOf<"purchased">): CompiledCondition {
    const byLine = !!c.window || !!c.min_orders
    const having: Fragment[] = []
    if (c.min_quantity) having.push(sql`coalesce(sum(${raw(byLine ? "t.net_quantity" : "t.quantity")}), 0) >= ${value(c.min_quantity)}`)
    if (c.min_orders) having.push(sql`count(distinct t.order_key) >= ${value(c.min_orders)}`)
    const bought = this.aggregate({
      from: byLine ? "purchase_fact t" : "customer_product_fact t",
      where: [this.targets(c), ...(byLine ? [raw("t.net_quantity > 0"), ...this.windowTest(raw("t.placed_at"), c.window)] : [])],
      having: having.length ? join(having, " and ") : undefined,
      zeroMeets: false,
      value: raw(byLine ? "coalesce(sum(t.net_quantity), 0)" : "coalesce(sum(t.quantity), 0)"),
    })
    return c.op === "bought" ? bought : { predicate: not(bought.predicate), value: bought.value }
  }

  /**
   * All-time spend in one currency. customer_spend_fact has one row per customer and currency (a
   * unique index), so the test is on that row, in WHERE, where the (currency_code, total_spent)
   * index can serve it, rather than a HAVING over every row of the currency.
   */
  private spentInCurrency(c: ConditionOf<"total_spent">): CompiledCondition {
    const currency = sql`t.currency_code = ${value(c.currency_code)}`
    const test = numberTest(raw("t.total_spent"), c)
    const spent = sql`(select coalesce(sum(t.total_spent), 0) from customer_spend_fact t where t.customer_id = cf.customer_id and ${currency})`
    if (zeroMeets(c)) {
      // Nothing spent meets it: everyone but the customers whose row fails the test.
      const fails = this.aggregate({ from: "customer_spend_fact t", where: [currency, not(test)] })
      return { predicate: not(fails.predicate), value: spent }
    }
    return { predicate: this.aggregate({ from: "customer_spend_fact t", where: [currency, test] }).predicate, value: spent }
  }

  /**
   * When the supply of what was bought runs out, at `days_per_unit` days a unit: buying early
   * extends the cover, so the end is max over purchases j of (date_j + days × units bought from j on).
   * Purchases at the same instant are summed together (the window's default frame ends with the
   * current row's peers): that leaves the max unchanged and keeps a tie-breaker out of the sort.
   */
  private supplyRunsOut(c: ConditionOf<"supply_runs_out">): CompiledCondition {
    const covered = (restrict: Fragment) => sql`(select t.customer_id,
        t.placed_at + (${value(c.days_per_unit, "float8")} * sum(t.net_quantity) over (partition by t.customer_id
          order by t.placed_at desc)) * interval '1 day' as ends
      from purchase_fact t where t.net_quantity > 0 and ${this.targets(c)} and ${restrict}) s`
    const mine = sql`(select max(s.ends) from ${covered(raw("t.customer_id = cf.customer_id"))})`
    if (this.options.mode === "customer") {
      return { predicate: orFalse(this.dateTest(mine, c)), value: mine }
    }
    return {
      predicate: sql`cf.customer_id in (select s.customer_id from ${covered(raw("true"))} group by s.customer_id having ${orFalse(
        this.dateTest(raw("max(s.ends)"), c)
      )})`,
      value: mine,
    }
  }

  /**
   * Products viewed (or added to cart) per the browsing module's day rows. Days are whole: "the
   * last 7 days" includes the day 7 days ago. `not_bought` keeps only products with no purchase
   * from the day they were viewed on.
   */
  private viewedProduct(c: ConditionOf<"viewed_product">): CompiledCondition {
    const count = raw(c.event === "added_to_cart" ? "t.cart_add_count" : "t.view_count")
    const where: Fragment[] = [raw("t.customer_id is not null"), raw("t.deleted_at is null"), sql`${count} > 0`]
    if (c.product_ids || c.collection_ids || c.category_ids || c.tag_ids) where.push(this.targets(c))
    if (c.window.within_last) {
      const since = this.shifted("-", c.window.within_last.amount, c.window.within_last.unit)
      where.push(sql`t.activity_date > (${since} - interval '1 day')`, sql`t.activity_date <= ${this.now()}`)
    } else {
      where.push(...this.windowTest(raw("t.activity_date"), c.window))
    }
    if (c.not_bought) {
      where.push(
        raw(`not exists (select 1 from purchase_fact p where p.customer_id = t.customer_id and p.product_id = t.product_id
             and p.net_quantity > 0 and p.placed_at >= t.activity_date)`)
      )
    }
    const viewed = this.aggregate({
      from: "browsing_activity t",
      where,
      having: c.min_count ? sql`coalesce(sum(${count}), 0) >= ${value(c.min_count)}` : undefined,
      zeroMeets: false,
      value: sql`coalesce(sum(${count}), 0)`,
    })
    return c.op === "viewed" ? viewed : { predicate: not(viewed.predicate), value: viewed.value }
  }
}

/** The tree as one SQL boolean over `customer_fact cf`. */
export function compileDefinition(definition: SegmentNode, options: CompileOptions): Fragment {
  return new SegmentCompiler(options).node(definition)
}
