import { model } from "@medusajs/framework/utils"

/**
 * What a customer bought of one variant (or external SKU), summed over their purchase facts with
 * units kept: first and last purchase, orders it was in, units kept.
 */
export const CustomerProductFact = model
  .define("customer_product_fact", {
    id: model.id({ prefix: "cpfact" }).primaryKey(),
    customer_id: model.text(),
    /** The variant id, or `sku:<SKU>` for an external product. */
    product_key: model.text(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    sku: model.text().nullable(),
    first_purchased_at: model.dateTime(),
    last_purchased_at: model.dateTime(),
    times_bought: model.number(),
    quantity: model.number(),
  })
  .indexes([
    { on: ["customer_id", "product_key"], unique: true, where: null },
    { on: ["product_id", "customer_id"], where: null },
    { on: ["variant_id", "customer_id"], where: null },
    { on: ["sku", "customer_id"], where: null },
  ])
