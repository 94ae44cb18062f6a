import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { SEGMENTS_MODULE } from "../../modules/segments"
import { collectReferences, referencePath, type ResolvedReferences } from "../../modules/segments/definition/references"
import type { SegmentNode } from "../../modules/segments/definition/schema"
import type SegmentsModuleService from "../../modules/segments/service"
import { storedDefinition } from "../../modules/segments/definition/stored-definition"

type CategoryTree = { id: string; category_children?: CategoryTree[] | null }

const flatten = (category: CategoryTree): string[] => [category.id, ...(category.category_children ?? []).flatMap(flatten)]

/**
 * Resolves what a tree references outside the facts: products of categories (with their
 * subcategories), collections and tags; countries of regions; the definitions of referenced
 * segments, transitively. An unknown id is a 400 naming its field; a segment reference that comes
 * back to `selfId` (or any cycle) is a 400 naming the chain.
 */
export async function resolveReferences(container: MedusaContainer, definition: SegmentNode, selfId?: string): Promise<ResolvedReferences> {
  const products = container.resolve(Modules.PRODUCT)
  const segmentsModule = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
  const resolved: ResolvedReferences = {
    products_by_category: {},
    products_by_collection: {},
    products_by_tag: {},
    countries_by_region: {},
    segments: {},
  }
  const visit = async (tree: SegmentNode, chain: string[]) => {
    const refs = collectReferences(tree)
    const root = chain.length > (selfId ? 1 : 0) ? `segment "${chain[chain.length - 1]}".definition` : "definition"
    const unknown = (key: string, id: string, what: string) =>
      new MedusaError(MedusaError.Types.INVALID_DATA, `${referencePath(tree, key, id, root)}: no ${what} "${id}"`)
    if (refs.category_ids.length) {
      const categories = (await products.listProductCategories(
        { id: refs.category_ids, include_descendants_tree: true },
        { select: ["id"] }
      )) as CategoryTree[]
      for (const id of refs.category_ids) {
        const category = categories.find((c) => c.id === id)
        if (!category) throw unknown("category_ids", id, "product category")
        const found = await products.listProducts({ categories: { id: flatten(category) } }, { select: ["id"] })
        resolved.products_by_category[id] = found.map((p) => p.id).sort()
      }
    }
    if (refs.collection_ids.length) {
      const collections = await products.listProductCollections({ id: refs.collection_ids }, { select: ["id"] })
      for (const id of refs.collection_ids) {
        if (!collections.some((c) => c.id === id)) throw unknown("collection_ids", id, "collection")
        const found = await products.listProducts({ collection_id: id }, { select: ["id"] })
        resolved.products_by_collection[id] = found.map((p) => p.id).sort()
      }
    }
    if (refs.tag_ids.length) {
      const tags = await products.listProductTags({ id: refs.tag_ids }, { select: ["id"] })
      for (const id of refs.tag_ids) {
        if (!tags.some((t) => t.id === id)) throw unknown("tag_ids", id, "product tag")
        const found = await products.listProducts({ tags: { id: [id] } }, { select: ["id"] })
        resolved.products_by_tag[id] = found.map((p) => p.id).sort()
      }
    }
    if (refs.region_ids.length) {
      const regions = await container.resolve(Modules.REGION).listRegions({ id: refs.region_ids }, { relations: ["countries"] })
      for (const id of refs.region_ids) {
        const region = regions.find((r) => r.id === id)
        if (!region) throw unknown("region_ids", id, "region")
        resolved.countries_by_region[id] = (region.countries ?? []).map((c) => c.iso_2.toLowerCase()).sort()
      }
    }
    for (const id of refs.segment_ids) {
      if (id === selfId || chain.includes(id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${referencePath(tree, "segment_id", id, root)}: segment "${id}" refers back to itself (${[...chain, id].join(" → ")})`
        )
      }
      if (resolved.segments[id]) continue
      const [segment] = await segmentsModule.listSegments({ id }, { select: ["id", "definition"] })
      if (!segment) throw unknown("segment_id", id, "segment")
      resolved.segments[id] = storedDefinition(segment)
      await visit(resolved.segments[id], [...chain, id])
    }
  }
  await visit(definition, selfId ? [selfId] : [])
  return resolved
}
