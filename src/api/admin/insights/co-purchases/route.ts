import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSIGHTS_MODULE } from "../../../../modules/insights"
import type InsightsModuleService from "../../../../modules/insights/service"
import { productsByKey } from "../helpers"
import type { AdminCoPurchasesParamsType } from "../validators"

/**
 * "Promote together with X": the products bought with X, best lift first, with the counts behind
 * each measure (baskets with both, with X, with the other, all baskets).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminCoPurchasesParamsType>, res: MedusaResponse) => {
  const { product_id, sku, scope, min_lift, limit, offset } = req.validatedQuery
  const productKey = product_id ?? `sku:${sku}`
  const insights = req.scope.resolve<InsightsModuleService>(INSIGHTS_MODULE)
  const { items, count } = await insights.listCoPurchases({ product_key: productKey, scope, min_lift, limit, offset })
  const products = await productsByKey(req.scope, [productKey, ...items.map((i) => i.related_key)])
  const computation = (await insights.listCoPurchaseComputations()).find((c: { scope: string }) => c.scope === scope) ?? null
  res.json({
    product: { key: productKey, ...(products.get(productKey) ?? {}) },
    scope,
    computed_at: computation?.computed_at ?? null,
    items: items.map((i) => ({ ...i, related_product: products.get(i.related_key) ?? null })),
    count,
    limit,
    offset,
  })
}
