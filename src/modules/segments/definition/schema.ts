import { z } from "@medusajs/framework/zod"
import { isCountryOrList } from "./country-lists"

/**
 * The segment condition language: a JSON tree of groups (`{ "and": [...] }`, `{ "or": [...] }`,
 * `{ "not": {...} }`, nested to any depth) and conditions (`{ "field": ..., "op": ..., ... }`).
 * `parseSegmentDefinition` validates a tree and names the path of every bad node, e.g.
 * `definition.and[1].or[0].value: must be a number`.
 */

export const TIME_UNITS = ["days", "weeks", "months", "years"] as const
export const DATE_OPS = ["before", "after", "between", "within_last", "more_than_ago", "within_next"] as const
export const NUMBER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "between"] as const
export const METADATA_OPS = ["exists", "not_exists", "eq", "neq", "gt", "gte", "lt", "lte", "contains"] as const
export const CONSENT_PURPOSES = ["email_marketing", "sms_marketing", "tracking"] as const
export const RFM_DIMENSIONS = ["recency", "frequency", "monetary"] as const
/** Storefront browsing events the browsing module counts (product viewed, added to cart). */
export const BROWSING_EVENTS = ["product_viewed", "added_to_cart"] as const
/** The customer facts' churn risk bands, lowest first. */
export const CHURN_RISK_LEVELS = ["low", "medium", "high"] as const
export const CHURN_RISK_OPS = ["is", "at_least", "at_most"] as const

/** Most nodes a tree may have, and how deep it may nest: a guard for the one SQL statement it becomes. */
export const MAX_NODES = 300
export const MAX_DEPTH = 25

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what = "value") =>
  z.custom<T[number]>((v) => typeof v === "string" && (values as readonly string[]).includes(v), {
    message: `${what} must be one of: ${values.join(", ")}`,
  })

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), { message: "must be an ISO 8601 date, e.g. 2026-01-31" })
const amount = z.number().int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }).max(100_000)
const ids = (what: string) =>
  z.array(z.string().trim().min(1, { message: `${what} must not be empty` }), { message: `must be a list of ${what}` }).min(1, {
    message: `must name at least one ${what}`,
  })
const strings = (what: string) =>
  z
    .array(z.string().trim().min(1, { message: `${what} must not be empty` }).max(200), { message: `must be a list of ${what}` })
    .min(1, { message: `must name at least one ${what}` })
    .max(5000)
const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, { message: "must be a 3-letter ISO 4217 currency code, e.g. eur" })
  .transform((v) => v.toLowerCase())

const dateFields = {
  op: oneOf(DATE_OPS, "op"),
  date: isoDate.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  amount: amount.optional(),
  unit: oneOf(TIME_UNITS, "unit").optional(),
}
type DateFields = { op: (typeof DATE_OPS)[number]; date?: string; from?: string; to?: string; amount?: number; unit?: (typeof TIME_UNITS)[number] }

function checkDate(value: DateFields, ctx: z.RefinementCtx) {
  const need = (key: keyof DateFields, message: string) => {
    if (value[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message })
  }
  if (value.op === "before" || value.op === "after") {
    need("date", `is required with op "${value.op}" (an ISO 8601 date)`)
  } else if (value.op === "between") {
    need("from", 'is required with op "between"')
    need("to", 'is required with op "between"')
    if (value.from && value.to && Date.parse(value.from) > Date.parse(value.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" })
    }
  } else {
    need("amount", `is required with op "${value.op}" (a whole number of units)`)
    need("unit", `is required with op "${value.op}" (${TIME_UNITS.join(", ")})`)
  }
}

const numberFields = {
  op: oneOf(NUMBER_OPS, "op"),
  value: z.number({ message: "must be a number" }).finite().optional(),
  from: z.number({ message: "must be a number" }).finite().optional(),
  to: z.number({ message: "must be a number" }).finite().optional(),
}
type NumberFields = { op: (typeof NUMBER_OPS)[number]; value?: number; from?: number; to?: number }

function checkNumber(value: NumberFields, ctx: z.RefinementCtx) {
  if (value.op === "between") {
    for (const key of ["from", "to"] as const) {
      if (value[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: 'is required with op "between"' })
    }
    if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be less than from" })
    }
  } else if (value.value === undefined) {
    ctx.addIssue({ code: "custom", path: ["value"], message: `is required with op "${value.op}" (a number)` })
  }
}

/** A time window on purchases or orders: the last N units, or absolute dates. */
const windowSchema = z
  .object({
    within_last: z.object({ amount, unit: oneOf(TIME_UNITS, "unit") }).strict().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (!w.within_last && !w.from && !w.to) {
      ctx.addIssue({ code: "custom", message: "must set within_last or from/to" })
    }
    if (w.within_last && (w.from || w.to)) {
      ctx.addIssue({ code: "custom", message: "sets within_last or from/to, not both" })
    }
    if (w.from && w.to && Date.parse(w.from) > Date.parse(w.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" })
    }
  })

const productTargets = {
  product_ids: ids("product id").optional(),
  variant_ids: ids("variant id").optional(),
  skus: strings("SKU").optional(),
  collection_ids: ids("collection id").optional(),
  category_ids: ids("category id").optional(),
  tag_ids: ids("tag id").optional(),
}
type ProductTargets = { [K in keyof typeof productTargets]?: string[] }

function checkTargets(value: ProductTargets, ctx: z.RefinementCtx) {
  if (!Object.keys(productTargets).some((k) => value[k as keyof ProductTargets]?.length)) {
    ctx.addIssue({ code: "custom", message: `must name what was bought: one of ${Object.keys(productTargets).join(", ")}` })
  }
}

const leaf = <F extends string, T extends z.ZodRawShape>(field: F, shape: T) => z.object({ field: z.literal(field), ...shape }).strict()

/** Every condition, by field. */
export const CONDITION_SCHEMAS = {
  email_domain: leaf("email_domain", {
    op: oneOf(["in", "not_in"] as const, "op"),
    values: strings("e-mail domain").transform((v) => v.map((d) => d.toLowerCase().replace(/^@/, ""))),
  }),
  signed_up: leaf("signed_up", dateFields).superRefine(checkDate),
  has_account: leaf("has_account", { value: z.boolean({ message: "must be true or false" }) }),
  customer_group: leaf("customer_group", { op: oneOf(["in_any", "in_all", "in_none"] as const, "op"), group_ids: ids("customer group id") }),
  metadata: leaf("metadata", {
    key: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, { message: "must be a metadata key (letters, digits, _ . -)" }),
    op: oneOf(METADATA_OPS, "op"),
    value: z.union([z.string().max(500), z.number().finite(), z.boolean()], { message: "must be a string, a number or true/false" }).optional(),
  }).superRefine((v, ctx) => {
    if (v.op !== "exists" && v.op !== "not_exists" && v.value === undefined) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `is required with op "${v.op}"` })
    }
    if (["gt", "gte", "lt", "lte"].includes(v.op) && v.value !== undefined && typeof v.value !== "number") {
      ctx.addIssue({ code: "custom", path: ["value"], message: `must be a number with op "${v.op}"` })
    }
    if (v.op === "contains" && v.value !== undefined && typeof v.value !== "string") {
      ctx.addIssue({ code: "custom", path: ["value"], message: 'must be a string with op "contains"' })
    }
  }),
  consent: leaf("consent", { purpose: oneOf(CONSENT_PURPOSES, "purpose"), value: z.boolean({ message: "must be true or false" }) }),
  country: leaf("country", {
    op: oneOf(["in", "not_in"] as const, "op"),
    values: z
      .array(z.string().refine(isCountryOrList, { message: "must be an ISO 3166-1 alpha-2 code (e.g. fr) or a list name (EU, EEA, EUROPE, ...)" }), {
        message: "must be a list of country codes",
      })
      .min(1, { message: "must name at least one country" }),
  }),
  region: leaf("region", { op: oneOf(["in", "not_in"] as const, "op"), region_ids: ids("region id") }),
  city: leaf("city", { op: oneOf(["in", "not_in"] as const, "op"), values: strings("city") }),
  postal_code: leaf("postal_code", { op: oneOf(["starts_with", "not_starts_with"] as const, "op"), values: strings("postal code prefix") }),
  order_count: leaf("order_count", { ...numberFields, window: windowSchema.optional() }).superRefine(checkNumber),
  total_spent: leaf("total_spent", { currency_code: currencyCode, ...numberFields, window: windowSchema.optional() }).superRefine(checkNumber),
  average_order_value: leaf("average_order_value", { currency_code: currencyCode, ...numberFields }).superRefine(checkNumber),
  first_order_at: leaf("first_order_at", dateFields).superRefine(checkDate),
  last_order_at: leaf("last_order_at", dateFields).superRefine(checkDate),
  rfm: leaf("rfm", { dimension: oneOf(RFM_DIMENSIONS, "dimension"), ...numberFields }).superRefine(checkNumber),
  expected_next_order_at: leaf("expected_next_order_at", dateFields).superRefine(checkDate),
  churn_risk: leaf("churn_risk", { op: oneOf(CHURN_RISK_OPS, "op"), level: oneOf(CHURN_RISK_LEVELS, "level") }),
  churn_risk_ratio: leaf("churn_risk_ratio", numberFields).superRefine(checkNumber),
  purchased: leaf("purchased", {
    op: oneOf(["bought", "not_bought"] as const, "op"),
    ...productTargets,
    window: windowSchema.optional(),
    min_quantity: amount.optional(),
    min_orders: amount.optional(),
  }).superRefine(checkTargets),
  supply_runs_out: leaf("supply_runs_out", {
    ...productTargets,
    days_per_unit: z.number({ message: "must be a number of days" }).positive({ message: "must be greater than 0" }).max(3650),
    ...dateFields,
  }).superRefine((v, ctx) => {
    checkTargets(v, ctx)
    checkDate(v, ctx)
  }),
  viewed_product: leaf("viewed_product", {
    op: oneOf(["viewed", "not_viewed"] as const, "op"),
    event: oneOf(BROWSING_EVENTS, "event").optional(),
    product_ids: productTargets.product_ids,
    collection_ids: productTargets.collection_ids,
    category_ids: productTargets.category_ids,
    tag_ids: productTargets.tag_ids,
    window: windowSchema,
    min_count: amount.optional(),
    /** Only products the customer has not bought since the day they viewed them. */
    not_bought: z.boolean({ message: "must be true or false" }).optional(),
  }),
  points_balance: leaf("points_balance", numberFields).superRefine(checkNumber),
  tier: leaf("tier", { op: oneOf(["in", "not_in"] as const, "op"), tier_ids: ids("tier id") }),
  /** Owns the predecessor of an insights upgrade path (all active ones, or these) and not its successor. */
  upgrade_available: leaf("upgrade_available", { upgrade_path_ids: ids("upgrade path id").optional() }),
  /** Among the customers an insights propensity model ranks highest: its top K and/or a least score. */
  propensity: leaf("propensity", {
    model_id: z.string().trim().min(1, { message: "must not be empty" }),
    top_k: z.number().int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }).max(10_000_000).optional(),
    min_score: z.number({ message: "must be a number" }).min(0, { message: "must be between 0 and 1" }).max(1, { message: "must be between 0 and 1" }).optional(),
  }).superRefine((v, ctx) => {
    if (v.top_k === undefined && v.min_score === undefined) {
      ctx.addIssue({ code: "custom", path: ["top_k"], message: "set top_k or min_score (or both)" })
    }
  }),
  segment: leaf("segment", { op: oneOf(["member", "not_member"] as const, "op"), segment_id: z.string().trim().min(1, { message: "must not be empty" }) }),
} as const

export type ConditionField = keyof typeof CONDITION_SCHEMAS
export const CONDITION_FIELDS = Object.keys(CONDITION_SCHEMAS) as ConditionField[]
export type Condition = { [F in ConditionField]: z.infer<(typeof CONDITION_SCHEMAS)[F]> }[ConditionField]
export type ConditionOf<F extends ConditionField> = z.infer<(typeof CONDITION_SCHEMAS)[F]>
export type DateCondition = DateFields
export type NumberCondition = NumberFields
export type PurchaseWindow = z.infer<typeof windowSchema>
export type ProductTargetCondition = ProductTargets

export type SegmentNode = { and: SegmentNode[] } | { or: SegmentNode[] } | { not: SegmentNode } | Condition

export type DefinitionIssue = { path: string; message: string }

export type ParsedDefinition = { ok: true; definition: SegmentNode } | { ok: false; issues: DefinitionIssue[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

const pathOf = (base: string, parts: readonly PropertyKey[]) =>
  parts.reduce<string>((p, part) => (typeof part === "number" ? `${p}[${part}]` : `${p}.${String(part)}`), base)

/** Validates a tree; every problem comes back with the path of its node, `root` being e.g. "definition". */
export function parseSegmentDefinition(input: unknown, root = "definition"): ParsedDefinition {
  const issues: DefinitionIssue[] = []
  let nodes = 0
  const walk = (value: unknown, path: string, depth: number): SegmentNode | null => {
    nodes++
    if (nodes > MAX_NODES) {
      if (nodes === MAX_NODES + 1) issues.push({ path, message: `a definition may have at most ${MAX_NODES} nodes` })
      return null
    }
    if (depth > MAX_DEPTH) {
      issues.push({ path, message: `groups may nest at most ${MAX_DEPTH} deep` })
      return null
    }
    if (!isObject(value)) {
      issues.push({ path, message: 'must be a group ({ "and": [...] }, { "or": [...] }, { "not": {...} }) or a condition ({ "field": ... })' })
      return null
    }
    const keys = Object.keys(value)
    const group = keys.find((k) => k === "and" || k === "or" || k === "not")
    if (group) {
      if (keys.length !== 1) {
        issues.push({ path, message: `a "${group}" group has no other keys; found ${keys.filter((k) => k !== group).join(", ")}` })
        return null
      }
      if (group === "not") {
        const child = walk(value.not, `${path}.not`, depth + 1)
        return child && { not: child }
      }
      const children = value[group]
      if (!Array.isArray(children) || !children.length) {
        issues.push({ path: `${path}.${group}`, message: "must be a non-empty list of groups and conditions" })
        return null
      }
      const parsed = children.map((c, i) => walk(c, `${path}.${group}[${i}]`, depth + 1))
      return parsed.every(Boolean) ? ({ [group]: parsed } as SegmentNode) : null
    }
    if (!("field" in value)) {
      issues.push({ path, message: 'must be a group ("and", "or", "not") or a condition with a "field"' })
      return null
    }
    const schema = CONDITION_SCHEMAS[value.field as ConditionField]
    if (typeof value.field !== "string" || !schema) {
      issues.push({ path: `${path}.field`, message: `unknown field ${JSON.stringify(value.field)}; one of: ${CONDITION_FIELDS.join(", ")}` })
      return null
    }
    const result = schema.safeParse(value)
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ path: pathOf(path, issue.path), message: issue.message })
      }
      return null
    }
    return result.data as Condition
  }
  const definition = walk(input, root, 0)
  return definition && !issues.length ? { ok: true, definition } : { ok: false, issues }
}

/** Visits every condition of a tree (for references and checks). */
export function forEachCondition(node: SegmentNode, visit: (condition: Condition) => void): void {
  if ("and" in node) node.and.forEach((n) => forEachCondition(n, visit))
  else if ("or" in node) node.or.forEach((n) => forEachCondition(n, visit))
  else if ("not" in node) forEachCondition(node.not, visit)
  else visit(node)
}
