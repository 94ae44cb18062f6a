import type { FieldDescription } from "./segment-types"

/** The kinds of ids a condition may hold that the dashboard can name. */
export const REFERENCE_KINDS = [
  "product_ids",
  "variant_ids",
  "collection_ids",
  "category_ids",
  "tag_ids",
  "customer_group_ids",
  "region_ids",
  "tier_ids",
  "segment_id",
] as const
export type ReferenceKind = (typeof REFERENCE_KINDS)[number]

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * The node of a definition at a path the server reported ("definition.and[1].not.or[0]"), or
 * undefined when the path leads nowhere (the definition changed since).
 */
export function nodeAt(definition: unknown, path: string, root = "definition"): unknown {
  if (!path.startsWith(root)) {
    return undefined
  }
  let node: unknown = definition
  for (const [, key, index] of path.slice(root.length).matchAll(/\.([a-z_]+)(?:\[(\d+)\])?/g)) {
    if (!isObject(node)) {
      return undefined
    }
    node = node[key]
    if (index !== undefined) {
      node = Array.isArray(node) ? node[Number(index)] : undefined
    }
  }
  return node
}

/** Every id a definition refers to, by kind (to name them all with one request per kind). */
export function collectReferences(definition: unknown, fields: FieldDescription[]): Record<ReferenceKind, string[]> {
  const byField = new Map<string, FieldDescription>(fields.map((field) => [field.field, field]))
  const found = Object.fromEntries(REFERENCE_KINDS.map((kind) => [kind, new Set<string>()])) as Record<ReferenceKind, Set<string>>
  const walk = (node: unknown) => {
    if (!isObject(node)) {
      return
    }
    const children = Array.isArray(node.and) ? node.and : Array.isArray(node.or) ? node.or : undefined
    if (children) {
      children.forEach(walk)
      return
    }
    if ("not" in node) {
      walk(node.not)
      return
    }
    for (const input of byField.get(String(node.field))?.inputs ?? []) {
      const kind = input.kind as ReferenceKind
      if (!found[kind]) {
        continue
      }
      const value = node[input.name]
      for (const id of Array.isArray(value) ? value : typeof value === "string" ? [value] : []) {
        found[kind].add(String(id))
      }
    }
  }
  walk(definition)
  return Object.fromEntries(REFERENCE_KINDS.map((kind) => [kind, [...found[kind]]])) as Record<ReferenceKind, string[]>
}
