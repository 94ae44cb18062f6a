import type { FieldDescription } from "./segment-types"

/**
 * The condition tree as the builder edits it, and its translation to and from the JSON the API
 * takes (src/modules/segments/definition/schema.ts). The draft keeps what the merchant typed
 * (numbers as text, half-filled conditions): the server validates the tree and names the path
 * of each bad node, and `buildDefinition` records which draft node each path is, so its message
 * is shown on that node.
 */

type FieldInput = FieldDescription["inputs"][number]

export type DraftCondition = {
  id: string
  type: "condition"
  /** Wrapped in `{ "not": ... }`. */
  negated: boolean
  field: string
  /** `op` and one entry per input of the field, in the draft shapes below. */
  values: Record<string, unknown>
  /** Just added and not edited yet: what the live count finds missing is a hint, not an error. */
  pristine?: boolean
}

export type DraftGroup = {
  id: string
  type: "group"
  negated: boolean
  op: "and" | "or"
  children: DraftNode[]
}

export type DraftNode = DraftCondition | DraftGroup

/** A purchase or order window: any time, the last N units, or absolute dates. */
export type WindowDraft = { mode: "any" | "last" | "range"; amount: string; unit: string; from: string; to: string }

/** A metadata value and the type it is compared as. */
export type ScalarDraft = { as: "text" | "number" | "boolean"; text: string }

export const RELATIVE_DATE_OPS = ["within_last", "more_than_ago", "within_next"]

const LIST_KINDS = new Set([
  "strings",
  "countries",
  "product_ids",
  "variant_ids",
  "collection_ids",
  "category_ids",
  "tag_ids",
  "customer_group_ids",
  "region_ids",
  "tier_ids",
])

/** The inputs naming what was bought (a purchased / supply condition needs at least one). */
export const PRODUCT_TARGET_INPUTS = ["product_ids", "variant_ids", "skus", "collection_ids", "category_ids", "tag_ids"]

let lastId = 0
const nextId = () => `node-${++lastId}`

export const isListKind = (kind: string) => LIST_KINDS.has(kind)

/** Whether an input applies under the condition's current operator ("between" takes from/to, not value...). */
export function isInputShown(field: FieldDescription, input: FieldInput, op: string | undefined): boolean {
  switch (input.name) {
    case "date":
      return op === "before" || op === "after"
    case "from":
    case "to":
      return op === "between"
    case "amount":
    case "unit":
      return !field.ops.includes("within_last") || RELATIVE_DATE_OPS.includes(op ?? "")
    case "value":
      if (input.kind === "number") {
        return op !== "between"
      }
      if (input.kind === "scalar") {
        return op !== "exists" && op !== "not_exists"
      }
      return true
    default:
      return true
  }
}

function defaultOp(field: FieldDescription): string | undefined {
  if (field.ops.includes("within_last")) {
    return "within_last"
  }
  if (field.ops.includes("gte")) {
    return "gte"
  }
  return field.ops[0]
}

function defaultValue(input: FieldInput, defaults: { currency?: string }): unknown {
  if (isListKind(input.kind)) {
    return []
  }
  switch (input.kind) {
    case "boolean":
      return true
    case "enum":
      return input.name === "unit" ? "days" : input.required ? (input.options?.[0] ?? "") : ""
    case "window":
      return { mode: "any", amount: "90", unit: "days", from: "", to: "" } satisfies WindowDraft
    case "scalar":
      return { as: "text", text: "" } satisfies ScalarDraft
    case "currency":
      return defaults.currency ?? ""
    case "integer":
      return input.name === "amount" ? "30" : ""
    default:
      return ""
  }
}

/** An empty group; the root of a new segment is one. */
export function newGroup(op: "and" | "or" = "and", children: DraftNode[] = []): DraftGroup {
  return { id: nextId(), type: "group", negated: false, op, children }
}

/** A condition on `field` with its usual operator and inputs ("within the last 30 days", "at least"...). */
export function newCondition(field: FieldDescription, defaults: { currency?: string } = {}): DraftCondition {
  const values: Record<string, unknown> = {}
  const op = defaultOp(field)
  if (op) {
    values.op = op
  }
  for (const input of field.inputs) {
    values[input.name] = defaultValue(input, defaults)
  }
  return { id: nextId(), type: "condition", negated: false, field: field.field, values, pristine: true }
}

/** A copy of a draft with fresh ids (a duplicated node must not share error slots with its original). */
export function withNewIds(node: DraftNode): DraftNode {
  return node.type === "group"
    ? { ...node, id: nextId(), children: node.children.map(withNewIds) }
    : { ...node, id: nextId(), values: structuredClone(node.values) }
}

/* ------------------------------------------------------------------ draft → definition */

const numberOrText = (raw: unknown): number | string | undefined => {
  const text = String(raw ?? "").trim()
  if (text === "") {
    return undefined
  }
  const number = Number(text)
  // Left as text when it is not a number, so the server names the bad input.
  return Number.isFinite(number) ? number : text
}

function toApiValue(input: FieldInput, raw: unknown): unknown {
  if (isListKind(input.kind)) {
    const list = Array.isArray(raw) ? raw : []
    // A required list goes out empty, so the server says "must name at least one ...".
    return list.length || input.required ? list : undefined
  }
  switch (input.kind) {
    case "number":
    case "integer":
      return numberOrText(raw)
    case "boolean":
      return raw === true
    case "scalar": {
      const scalar = raw as ScalarDraft | undefined
      if (!scalar) {
        return undefined
      }
      if (scalar.as === "boolean") {
        return scalar.text === "true"
      }
      return scalar.as === "number" ? numberOrText(scalar.text) : scalar.text
    }
    case "window": {
      const window = raw as WindowDraft | undefined
      if (!window || window.mode === "any") {
        return undefined
      }
      if (window.mode === "last") {
        return { within_last: { amount: numberOrText(window.amount), unit: window.unit } }
      }
      return { ...(window.from ? { from: window.from } : {}), ...(window.to ? { to: window.to } : {}) }
    }
    default: {
      const text = typeof raw === "string" ? raw.trim() : ""
      return text || (input.required ? "" : undefined)
    }
  }
}

export type BuiltDefinition = {
  definition: unknown
  /** Path in the definition ("definition.and[1].or[0]") → id of the draft node there. */
  nodePaths: Map<string, string>
}

/** The JSON tree for the API, and where each draft node sits in it. */
export function buildDefinition(root: DraftGroup, catalog: Map<string, FieldDescription>, rootPath = "definition"): BuiltDefinition {
  const nodePaths = new Map<string, string>()
  const build = (node: DraftNode, path: string): unknown => {
    nodePaths.set(path, node.id)
    if (node.negated) {
      const innerPath = `${path}.not`
      nodePaths.set(innerPath, node.id)
      return { not: buildInner(node, innerPath) }
    }
    return buildInner(node, path)
  }
  const buildInner = (node: DraftNode, path: string): unknown => {
    if (node.type === "group") {
      return { [node.op]: node.children.map((child, index) => build(child, `${path}.${node.op}[${index}]`)) }
    }
    const field = catalog.get(node.field)
    if (!field) {
      // A field this dashboard does not know: sent back as it came.
      return { field: node.field, ...node.values }
    }
    const condition: Record<string, unknown> = { field: node.field }
    const op = typeof node.values.op === "string" ? node.values.op : undefined
    if (field.ops.length) {
      condition.op = op
    }
    for (const input of field.inputs) {
      if (!isInputShown(field, input, op)) {
        continue
      }
      const value = toApiValue(input, node.values[input.name])
      if (value !== undefined) {
        condition[input.name] = value
      }
    }
    return condition
  }
  return { definition: build(root, rootPath), nodePaths }
}

/* ------------------------------------------------------------------ definition → draft */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

function toDraftValue(input: FieldInput, value: unknown, defaults: { currency?: string }): unknown {
  if (value === undefined) {
    return defaultValue(input, defaults)
  }
  if (isListKind(input.kind)) {
    return Array.isArray(value) ? value.map(String) : []
  }
  switch (input.kind) {
    case "number":
    case "integer":
      return String(value)
    case "boolean":
      return value === true
    case "scalar":
      return {
        as: typeof value === "boolean" ? "boolean" : typeof value === "number" ? "number" : "text",
        text: String(value),
      } satisfies ScalarDraft
    case "window": {
      const window = isObject(value) ? value : {}
      const last = isObject(window.within_last) ? window.within_last : undefined
      return {
        mode: last ? "last" : "range",
        amount: last ? String(last.amount ?? "") : "90",
        unit: last && typeof last.unit === "string" ? last.unit : "days",
        from: typeof window.from === "string" ? window.from.slice(0, 10) : "",
        to: typeof window.to === "string" ? window.to.slice(0, 10) : "",
      } satisfies WindowDraft
    }
    case "date":
      return typeof value === "string" ? value.slice(0, 10) : ""
    default:
      return typeof value === "string" ? value : String(value)
  }
}

/** The draft of a saved definition; a root that is not a plain group is wrapped in an AND group. */
export function parseDefinition(definition: unknown, catalog: Map<string, FieldDescription>): DraftGroup {
  const parse = (node: unknown): DraftNode => {
    if (isObject(node) && "not" in node) {
      const inner = parse(node.not)
      return { ...inner, negated: !inner.negated }
    }
    if (isObject(node) && (Array.isArray(node.and) || Array.isArray(node.or))) {
      const op = Array.isArray(node.and) ? "and" : "or"
      return newGroup(op, (node[op] as unknown[]).map(parse))
    }
    const { field = "", ...rest } = isObject(node) ? node : {}
    const description = catalog.get(String(field))
    const values: Record<string, unknown> = description ? {} : rest
    if (description) {
      if (typeof rest.op === "string") {
        values.op = rest.op
      }
      for (const input of description.inputs) {
        values[input.name] = toDraftValue(input, rest[input.name], {})
      }
    }
    return { id: nextId(), type: "condition", negated: false, field: String(field), values }
  }
  const root = parse(definition)
  return root.type === "group" && !root.negated ? root : newGroup("and", [root])
}

/* ------------------------------------------------------------------ server errors → nodes */

export type NodeIssue = {
  input?: string
  message: string
  /** About a condition the merchant has not filled in yet: shown as a hint. */
  soft?: boolean
}

export type PlacedIssues = {
  /** Draft node id → the problems the server found there. */
  byNode: Map<string, NodeIssue[]>
  /** Messages that name no node (another field of the form, or a general failure). */
  unplaced: string[]
}

const ISSUE = /^(definition(?:\.[A-Za-z_]+|\[\d+\])*): ([\s\S]*)$/
// A reference the server could not resolve names its input and the id: `category_ids: no product category "pcat_1"`.
const REFERENCE = /^([a-z_]+): [^"]*"([^"]+)"/

function conditions(node: DraftNode): DraftCondition[] {
  return node.type === "group" ? node.children.flatMap(conditions) : [node]
}

function holds(condition: DraftCondition, input: string, id?: string): boolean {
  const value = condition.values[input]
  if (id === undefined) {
    return Array.isArray(value) ? value.length > 0 : !!value
  }
  return Array.isArray(value) ? value.includes(id) : value === id
}

/**
 * Splits a 400's message ("Invalid request: definition.and[1].value: must be a number;
 * definition.or[0].field: ...") into problems per draft node, by the paths `buildDefinition`
 * recorded; a reference error goes to the condition holding the id it names.
 */
export function placeIssues(message: string, built: BuiltDefinition, root: DraftGroup): PlacedIssues {
  const byNode = new Map<string, NodeIssue[]>()
  const unplaced: string[] = []
  const add = (id: string, issue: NodeIssue) => byNode.set(id, [...(byNode.get(id) ?? []), issue])
  const paths = [...built.nodePaths.keys()].sort((a, b) => b.length - a.length)
  const leaves = conditions(root)

  for (const part of message.replace(/^Invalid request: /, "").split("; ")) {
    const issue = ISSUE.exec(part)
    if (issue) {
      const [, path, text] = issue
      const nodePath = paths.find((candidate) => path === candidate || path.startsWith(`${candidate}.`) || path.startsWith(`${candidate}[`))
      if (nodePath) {
        const input = /^\.([A-Za-z_]+)/.exec(path.slice(nodePath.length))?.[1]
        add(built.nodePaths.get(nodePath)!, { input: input && input !== "and" && input !== "or" ? input : undefined, message: text })
        continue
      }
    }
    const reference = REFERENCE.exec(part)
    if (reference) {
      const [, input, id] = reference
      const holders = leaves.filter((leaf) => holds(leaf, input, id))
      const candidates = holders.length ? holders : leaves.filter((leaf) => holds(leaf, input))
      if (candidates.length === 1 || holders.length) {
        add(candidates[0].id, { input, message: part.slice(input.length + 2) })
        continue
      }
    }
    unplaced.push(part)
  }
  return { byNode, unplaced }
}

function emptyGroups(node: DraftNode): string[] {
  return node.type === "group" ? [...(node.children.length ? [] : [node.id]), ...node.children.flatMap(emptyGroups)] : []
}

/** The same problems, as hints on the conditions nobody has edited yet and on groups still empty. */
export function softenPristine(placed: PlacedIssues, root: DraftGroup): PlacedIssues {
  const pristine = new Set([...conditions(root).filter((leaf) => leaf.pristine).map((leaf) => leaf.id), ...emptyGroups(root)])
  const byNode = new Map(
    [...placed.byNode.entries()].map(([id, issues]) => [id, pristine.has(id) ? issues.map((issue) => ({ ...issue, soft: true })) : issues])
  )
  return { ...placed, byNode }
}

/** How many conditions a tree has. */
export function countConditions(node: DraftNode): number {
  return node.type === "group" ? node.children.reduce((sum, child) => sum + countConditions(child), 0) : 1
}
