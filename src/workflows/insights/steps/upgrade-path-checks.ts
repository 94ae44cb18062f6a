import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"

/** An upgrade path as it will be stored. */
export type UpgradePathInput = {
  id?: string
  product_id: string
  variant_id?: string | null
  successor_product_id: string
  successor_variant_id?: string | null
  edition?: string | null
  is_active?: boolean
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Refuses paths to or from products that do not exist, a variant of another product, a product
 * that succeeds itself (same product and variant), and a second active successor for the same
 * product and variant.
 */
export async function assertUpgradePaths(container: MedusaContainer, paths: UpgradePathInput[]): Promise<void> {
  if (!paths.length) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = [...new Set(paths.flatMap((p) => [p.product_id, p.successor_product_id]))]
  const variantIds = [...new Set(paths.flatMap((p) => [p.variant_id, p.successor_variant_id]).filter((id): id is string => !!id))]
  const { data: products } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productIds } })
  const variants: { id: string; product_id: string | null }[] = variantIds.length
    ? (await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantIds } })).data
    : []
  const known = new Set(products.map((p: { id: string }) => p.id))
  const productOf = new Map(variants.map((v) => [v.id, v.product_id]))
  for (const path of paths) {
    for (const [field, productField] of [
      ["product_id", "product_id"],
      ["successor_product_id", "successor_product_id"],
    ] as const) {
      if (!known.has(path[productField])) {
        throw invalid(`${field}: no product with id "${path[productField]}"`)
      }
    }
    for (const [field, productField] of [
      ["variant_id", "product_id"],
      ["successor_variant_id", "successor_product_id"],
    ] as const) {
      const variantId = path[field]
      if (!variantId) continue
      if (!productOf.has(variantId)) {
        throw invalid(`${field}: no variant with id "${variantId}"`)
      }
      if (productOf.get(variantId) !== path[productField]) {
        throw invalid(`${field}: variant "${variantId}" belongs to product "${productOf.get(variantId)}", not "${path[productField]}"`)
      }
    }
    if (path.product_id === path.successor_product_id && (path.variant_id ?? null) === (path.successor_variant_id ?? null)) {
      throw invalid("successor_product_id: a product cannot be its own successor")
    }
  }
  await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).assertOneSuccessor(
    paths.map((p) => ({ id: p.id, product_id: p.product_id, variant_id: p.variant_id ?? null, is_active: p.is_active ?? true }))
  )
}
