import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"

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

export const UPGRADE_PATH_FIELDS: string[] = ["id", "product_id", "variant_id", "successor_product_id", "successor_variant_id", "edition", "is_active", "created_at", "updated_at"]

/** One upgrade path, NOT_FOUND when there is none. */
export async function refetchUpgradePath(scope: MedusaContainer, id: string) {
  const [path] = await scope.resolve<InsightsModuleService>(INSIGHTS_MODULE).listUpgradePaths({ id }, { select: UPGRADE_PATH_FIELDS })
  if (!path) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Upgrade path with id "${id}" not found`)
  }
  return path
}
