import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSIGHTS_MODULE } from "../../../../../../modules/insights"
import type InsightsModuleService from "../../../../../../modules/insights/service"
import { productsByKey } from "../../../../../admin/insights/helpers"
import type { StoreAlsoBoughtParamsType } from "../../../validators"

/**
 * "Customers also bought": published products that customers who bought this one bought within
 * the co-purchase window, best lift first. Only catalogue products (no external SKUs).
 */
export const GET = async (req: MedusaRequest<unknown, StoreAlsoBoughtParamsType>, res: MedusaResponse) => {
  const { limit } = req.validatedQuery
  const insights = req.scope.resolve<InsightsModuleService>(INSIGHTS_MODULE)
  // Read more than asked: unpublished products are dropped after the read.
  const { items } = await insights.listCoPurchases({ product_key: req.params.id, scope: "window", limit: limit * 3, related_prefix: "prod_" })
  const products = await productsByKey(
    req.scope,
    items.map((i) => i.related_key),
    { status: "published" }
  )
  res.json({
    products: items
      .filter((i) => products.has(i.related_key))
      .slice(0, limit)
      .map((i) => ({ ...products.get(i.related_key)!, customers_who_bought_both: i.pair_count, lift: i.lift })),
  })
}
