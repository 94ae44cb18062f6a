import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type ProductSummary = { id: string; title: string; handle: string | null; thumbnail: string | null }

/** Titles of the products behind co-purchase keys (`sku:` keys are external products without one). */
export async function productsByKey(scope: MedusaContainer, keys: string[], filters: Record<string, unknown> = {}) {
  const ids = [...new Set(keys.filter((k) => !k.startsWith("sku:")))]
  if (!ids.length) {
    return new Map<string, ProductSummary>()
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "title", "handle", "thumbnail"], filters: { id: ids, ...filters } })
  return new Map((data as ProductSummary[]).map((p) => [p.id, p]))
}
