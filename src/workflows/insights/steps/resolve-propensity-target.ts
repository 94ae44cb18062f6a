import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PropensityTarget } from "../../../modules/insights/types"

/**
 * The target's products: the given ones (checked to exist) plus every product of the given
 * categories; none for a metadata target. Reads only: nothing to compensate.
 */
export const resolvePropensityTargetStep = createStep("resolve-propensity-target", async (target: PropensityTarget, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const products = new Set<string>()
  if (target.product_ids?.length) {
    const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: target.product_ids } })
    const known = new Set(data.map((p: { id: string }) => p.id))
    const missing = target.product_ids.find((id) => !known.has(id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `target.product_ids: no product with id "${missing}"`)
    }
    target.product_ids.forEach((id) => products.add(id))
  }
  if (target.category_ids?.length) {
    const { data } = await query.graph({ entity: "product_category", fields: ["id", "products.id"], filters: { id: target.category_ids } })
    const missing = target.category_ids.find((id) => !data.some((c: { id: string }) => c.id === id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `target.category_ids: no product category with id "${missing}"`)
    }
    for (const category of data as { products?: { id: string }[] }[]) {
      for (const product of category.products ?? []) products.add(product.id)
    }
  }
  return new StepResponse([...products].sort())
})
