import { model } from "@medusajs/framework/utils"

export const CO_PURCHASE_SCOPES = ["order", "window"] as const

/**
 * One product pair's market-basket measures, "customers who bought `product_key` also bought
 * `related_key`", in one scope: `order` counts orders holding both, `window` counts customers who
 * bought both within `window_days` of each other. Both directions are stored (confidence is not
 * symmetric). A product is `product_id`, or `sku:<SKU>` for an imported external product.
 * Rebuilt per scope by the co-purchase job in one statement; never edited.
 */
export const CoPurchasePair = model
  .define("insights_co_purchase_pair", {
    id: model.id({ prefix: "icpp" }).primaryKey(),
    scope: model.enum([...CO_PURCHASE_SCOPES]),
    product_key: model.text(),
    related_key: model.text(),
    /** Baskets (orders, or customers in the window scope) holding both. */
    pair_count: model.number(),
    product_count: model.number(),
    related_count: model.number(),
    basket_count: model.number(),
    support: model.float(),
    confidence: model.float(),
    lift: model.float(),
    window_days: model.number().nullable(),
    computed_at: model.dateTime(),
  })
  .indexes([
    { on: ["scope", "product_key", "related_key"], unique: true, where: null },
    { on: ["scope", "product_key", "lift"], where: null },
  ])
