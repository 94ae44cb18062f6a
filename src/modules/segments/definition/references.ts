import { forEachCondition, type SegmentNode } from "./schema"

/** What a definition names outside the facts: catalogue groupings, regions, other segments. */
export type DefinitionReferences = {
  category_ids: string[]
  collection_ids: string[]
  tag_ids: string[]
  region_ids: string[]
  segment_ids: string[]
  customer_group_ids: string[]
}

/**
 * The references resolved before compiling (by a workflow step, which may read other modules):
 * products per category (descendants included), collection and tag; countries per region; the
 * definitions of referenced segments (transitively).
 */
export type ResolvedReferences = {
  products_by_category: Record<string, string[]>
  products_by_collection: Record<string, string[]>
  products_by_tag: Record<string, string[]>
  countries_by_region: Record<string, string[]>
  segments: Record<string, SegmentNode>
}

export const EMPTY_REFERENCES: ResolvedReferences = {
  products_by_category: {},
  products_by_collection: {},
  products_by_tag: {},
  countries_by_region: {},
  segments: {},
}

/** Every reference a tree makes, each once. */
export function collectReferences(definition: SegmentNode): DefinitionReferences {
  const sets = {
    category_ids: new Set<string>(),
    collection_ids: new Set<string>(),
    tag_ids: new Set<string>(),
    region_ids: new Set<string>(),
    segment_ids: new Set<string>(),
    customer_group_ids: new Set<string>(),
  }
  forEachCondition(definition, (c) => {
    if (c.field === "purchased" || c.field === "supply_runs_out" || c.field === "viewed_product") {
      c.category_ids?.forEach((id) => sets.category_ids.add(id))
      c.collection_ids?.forEach((id) => sets.collection_ids.add(id))
      c.tag_ids?.forEach((id) => sets.tag_ids.add(id))
    } else if (c.field === "region") {
      c.region_ids.forEach((id) => sets.region_ids.add(id))
    } else if (c.field === "segment") {
      sets.segment_ids.add(c.segment_id)
    } else if (c.field === "customer_group") {
      c.group_ids.forEach((id) => sets.customer_group_ids.add(id))
    }
  })
  return {
    category_ids: [...sets.category_ids].sort(),
    collection_ids: [...sets.collection_ids].sort(),
    tag_ids: [...sets.tag_ids].sort(),
    region_ids: [...sets.region_ids].sort(),
    segment_ids: [...sets.segment_ids].sort(),
    customer_group_ids: [...sets.customer_group_ids].sort(),
  }
}

/** Whether the tree's truth moves with the clock (relative dates, windows, RFM recency, churn risk), so time alone can change members. */
export function dependsOnTime(definition: SegmentNode, references: ResolvedReferences = EMPTY_REFERENCES, seen = new Set<string>()): boolean {
  let timed = false
  forEachCondition(definition, (c) => {
    if ("unit" in c && c.unit) timed = true
    if ((c.field === "purchased" || c.field === "order_count" || c.field === "total_spent" || c.field === "viewed_product") && c.window?.within_last) timed = true
    if (c.field === "rfm" || c.field === "churn_risk" || c.field === "churn_risk_ratio") timed = true
    // Upgrade paths and propensity scores change without a customer event (an admin edit, a new
    // scoring): the scheduled refresh is what brings such members up to date.
    if (c.field === "upgrade_available" || c.field === "propensity") timed = true
    if (c.field === "segment" && !seen.has(c.segment_id)) {
      seen.add(c.segment_id)
      const referenced = references.segments[c.segment_id]
      if (referenced && dependsOnTime(referenced, references, seen)) timed = true
    }
  })
  return timed
}

/**
 * The path of the first condition that names `id` under `key` (e.g. `definition.and[2].category_ids`),
 * so a reference error points at its node like a validation error does.
 */
export function referencePath(definition: SegmentNode, key: string, id: string, root = "definition"): string {
  const walk = (node: SegmentNode, path: string): string | null => {
    if ("and" in node || "or" in node) {
      const [group, list] = "and" in node ? ["and", node.and] : ["or", node.or]
      for (let i = 0; i < list.length; i++) {
        const found = walk(list[i], `${path}.${group}[${i}]`)
        if (found) return found
      }
      return null
    }
    if ("not" in node) return walk(node.not, `${path}.not`)
    const value = (node as Record<string, unknown>)[key]
    return value === id || (Array.isArray(value) && value.includes(id)) ? `${path}.${key}` : null
  }
  return walk(definition, root) ?? `${root}.${key}`
}
