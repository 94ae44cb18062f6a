import { model } from "@medusajs/framework/utils"

/**
 * A month's count of orders holding a product (`related_key` null) or a product pair (both
 * directions), every pair and not only the frequent ones: support thresholds apply to the sum over
 * all months, so a month cannot prune on its own.
 */
export const CoPurchaseMonthCount = model
  .define("insights_co_purchase_month_count", {
    id: model.id({ prefix: "icpc" }).primaryKey(),
    month: model.text(),
    product_key: model.text(),
    related_key: model.text().nullable(),
    basket_count: model.number(),
  })
  .indexes([{ on: ["month"], where: null }])
