import { SegmentCompiler, type CompileOptions } from "./compile"
import type { Condition, ConditionField, SegmentNode } from "./schema"
import { join, raw, sql, type Fragment } from "./sql-fragment"

/** One node of a tree evaluated for one customer: "why is this customer in or out". */
export type ExplainedNode = {
  path: string
  kind: "and" | "or" | "not" | ConditionField
  description: string
  result: boolean
  /** The fact the condition looked at (a country, an order count, when the supply runs out...). */
  value?: unknown
  children?: ExplainedNode[]
}

type Planned = { path: string; kind: ExplainedNode["kind"]; description: string; index: number; hasValue: boolean; children?: Planned[] }

const windowText = (w?: { within_last?: { amount: number; unit: string }; from?: string; to?: string }) =>
  !w ? "" : w.within_last ? ` in the last ${w.within_last.amount} ${w.within_last.unit}` : ` ${w.from ? `from ${w.from}` : ""}${w.to ? ` to ${w.to}` : ""}`

function numberText(c: { op: string; value?: number; from?: number; to?: number }) {
  return c.op === "between" ? `between ${c.from} and ${c.to}` : `${c.op} ${c.value}`
}

function dateText(c: { op: string; date?: string; from?: string; to?: string; amount?: number; unit?: string }) {
  switch (c.op) {
    case "before":
    case "after":
      return `${c.op} ${c.date}`
    case "between":
      return `between ${c.from} and ${c.to}`
    case "within_last":
      return `in the last ${c.amount} ${c.unit}`
    case "more_than_ago":
      return `more than ${c.amount} ${c.unit} ago`
    default:
      return `in the next ${c.amount} ${c.unit}`
  }
}

function targetsText(c: { product_ids?: string[]; variant_ids?: string[]; skus?: string[]; collection_ids?: string[]; category_ids?: string[]; tag_ids?: string[] }) {
  const parts = [
    c.product_ids && `products ${c.product_ids.join(", ")}`,
    c.variant_ids && `variants ${c.variant_ids.join(", ")}`,
    c.skus && `SKUs ${c.skus.join(", ")}`,
    c.collection_ids && `collections ${c.collection_ids.join(", ")}`,
    c.category_ids && `categories ${c.category_ids.join(", ")}`,
    c.tag_ids && `tags ${c.tag_ids.join(", ")}`,
  ].filter(Boolean)
  return parts.join(" or ")
}

/** A condition in words, for the builder and explain. */
export function describeCondition(c: Condition): string {
  switch (c.field) {
    case "email_domain":
    case "country":
    case "city":
      return `${c.field.replace("_", " ")} ${c.op === "in" ? "is" : "is not"} ${c.values.join(", ")}`
    case "postal_code":
      return `postal code ${c.op === "starts_with" ? "starts" : "does not start"} with ${c.values.join(", ")}`
    case "region":
      return `region ${c.op === "in" ? "is" : "is not"} ${c.region_ids.join(", ")}`
    case "signed_up":
    case "first_order_at":
    case "last_order_at":
    case "expected_next_order_at":
      return `${c.field === "signed_up" ? "signed up" : c.field.replace(/_/g, " ")} ${dateText(c)}`
    case "churn_risk":
      return `churn risk ${c.op === "is" ? "is" : c.op === "at_least" ? "at least" : "at most"} ${c.level}`
    case "churn_risk_ratio":
      return `days since last order ÷ expected gap ${numberText(c)}`
    case "has_account":
      return c.value ? "has an account" : "has no account"
    case "customer_group":
      return `${c.op === "in_none" ? "in none of" : c.op === "in_all" ? "in all of" : "in any of"} groups ${c.group_ids.join(", ")}`
    case "metadata":
      return `metadata.${c.key} ${c.op}${c.value === undefined ? "" : ` ${JSON.stringify(c.value)}`}`
    case "consent":
      return `${c.value ? "consents" : "does not consent"} to ${c.purpose.replace("_", " ")}`
    case "order_count":
      return `orders${windowText(c.window)} ${numberText(c)}`
    case "total_spent":
      return `spent in ${c.currency_code.toUpperCase()}${windowText(c.window)} ${numberText(c)}`
    case "average_order_value":
      return `average order in ${c.currency_code.toUpperCase()} ${numberText(c)}`
    case "rfm":
      return `${c.dimension} score ${numberText(c)}`
    case "purchased":
      return `${c.op === "bought" ? "bought" : "did not buy"} ${targetsText(c)}${windowText(c.window)}${c.min_quantity ? `, at least ${c.min_quantity} units` : ""}${
        c.min_orders ? `, in at least ${c.min_orders} orders` : ""
      }`
    case "supply_runs_out":
      return `supply of ${targetsText(c)} (${c.days_per_unit} days a unit) runs out ${dateText(c)}`
    case "viewed_product":
      return `${c.op === "viewed" ? "" : "did not "}${c.event === "added_to_cart" ? "add to cart" : "view"} ${targetsText(c) || "any product"}${windowText(c.window)}${
        c.min_count ? `, at least ${c.min_count} times` : ""
      }${c.not_bought ? ", without buying it since" : ""}`.replace(/^view/, "viewed").replace(/^add to cart/, "added to cart")
    case "points_balance":
      return `points balance ${numberText(c)}`
    case "tier":
      return `tier ${c.op === "in" ? "is" : "is not"} ${c.tier_ids.join(", ")}`
    case "upgrade_available":
      return `owns a product with an upgrade${c.upgrade_path_ids ? ` (paths ${c.upgrade_path_ids.join(", ")})` : ""} and not its successor`
    case "propensity":
      return `ranked by propensity model ${c.model_id}${c.top_k !== undefined ? ` in the top ${c.top_k}` : ""}${c.min_score !== undefined ? ` with a score of at least ${c.min_score}` : ""}`
    case "segment":
      return `${c.op === "member" ? "member" : "not a member"} of segment ${c.segment_id}`
  }
}

/**
 * Builds the one query that evaluates every node of a tree for one customer (each node's truth and
 * each condition's fact value as columns), and the function that turns its row into the tree.
 */
export function explainQuery(definition: SegmentNode, options: Omit<CompileOptions, "mode">, root = "definition") {
  const compiler = new SegmentCompiler({ ...options, mode: "customer" })
  const columns: Fragment[] = []
  const plan = (node: SegmentNode, path: string): Planned => {
    const index = columns.length
    if ("and" in node || "or" in node) {
      const kind = "and" in node ? "and" : "or"
      const list = "and" in node ? node.and : node.or
      columns.push(sql`${compiler.node(node)} as ${raw(`r${index}`)}`)
      return { path, kind, description: kind === "and" ? "all of" : "any of", index, hasValue: false, children: list.map((n, i) => plan(n, `${path}.${kind}[${i}]`)) }
    }
    if ("not" in node) {
      columns.push(sql`${compiler.node(node)} as ${raw(`r${index}`)}`)
      return { path, kind: "not", description: "not", index, hasValue: false, children: [plan(node.not, `${path}.not`)] }
    }
    const compiled = compiler.condition(node)
    columns.push(sql`${compiled.predicate} as ${raw(`r${index}`)}`)
    if (compiled.value) {
      columns.push(sql`${compiled.value} as ${raw(`v${index}`)}`)
    }
    return { path, kind: node.field, description: describeCondition(node), index, hasValue: !!compiled.value }
  }
  const planned = plan(definition, root)
  const build = (row: Record<string, unknown> | undefined): ExplainedNode => {
    const make = (p: Planned): ExplainedNode => ({
      path: p.path,
      kind: p.kind,
      description: p.description,
      result: row?.[`r${p.index}`] === true,
      ...(p.hasValue ? { value: row?.[`v${p.index}`] ?? null } : {}),
      ...(p.children ? { children: p.children.map(make) } : {}),
    })
    return make(planned)
  }
  return { select: join(columns, ", "), build }
}
