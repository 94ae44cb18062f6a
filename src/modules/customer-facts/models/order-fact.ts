import { model } from "@medusajs/framework/utils"

export const ORDER_FACT_SOURCES = ["medusa", "import"] as const

/**
 * One order that counts (not canceled, not a draft): a Medusa order, or a historical order
 * imported from CSV (`order_key` is then the merchant's order reference).
 */
export const OrderFact = model
  .define("order_fact", {
    id: model.id({ prefix: "ofact" }).primaryKey(),
    source: model.enum([...ORDER_FACT_SOURCES]),
    order_key: model.text(),
    customer_id: model.text(),
    placed_at: model.dateTime(),
    currency_code: model.text(),
    total: model.bigNumber(),
    refunded_total: model.bigNumber(),
    net_total: model.bigNumber(),
    item_quantity: model.number(),
  })
  .indexes([
    { on: ["source", "order_key"], unique: true, where: null },
    { on: ["customer_id", "placed_at"], where: null },
  ])
