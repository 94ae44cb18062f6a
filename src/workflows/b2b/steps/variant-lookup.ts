import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type VariantRef = { id: string; sku: string | null; price_set_id: string | null }

/**
 * Variants by id or by SKU (one query for the ids and SKUs of a batch, never the catalogue), with
 * the price set a price-list price of theirs belongs to.
 */
export async function lookUpVariants(container: MedusaContainer, by: { ids?: string[]; skus?: string[] }): Promise<{ byId: Map<string, VariantRef>; bySku: Map<string, VariantRef> }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const found: VariantRef[] = []
  const read = async (filters: Record<string, string[]>) => {
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "price_set.id"], filters })
    for (const v of data as { id: string; sku: string | null; price_set?: { id: string } | null }[]) {
      found.push({ id: v.id, sku: v.sku, price_set_id: v.price_set?.id ?? null })
    }
  }
  const ids = [...new Set(by.ids ?? [])]
  const skus = [...new Set(by.skus ?? [])]
  if (ids.length) await read({ id: ids })
  if (skus.length) await read({ sku: skus })
  return {
    byId: new Map(found.map((v) => [v.id, v])),
    bySku: new Map(found.filter((v) => v.sku).map((v) => [v.sku!, v])),
  }
}
