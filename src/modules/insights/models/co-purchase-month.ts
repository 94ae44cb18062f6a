import { model } from "@medusajs/framework/utils"

/**
 * One calendar month (UTC) of the order scope's baskets as the co-purchase job last counted them:
 * the fingerprint of that month's purchase facts and its baskets. Orders never change month, so a
 * run recounts only the months whose fingerprint moved and sums the rest as they are.
 */
export const CoPurchaseMonth = model
  .define("insights_co_purchase_month", {
    id: model.id({ prefix: "icpm" }).primaryKey(),
    /** `YYYY-MM`. */
    month: model.text(),
    fingerprint: model.text(),
    basket_count: model.number(),
  })
  .indexes([{ on: ["month"], unique: true, where: null }])
