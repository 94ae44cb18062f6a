import { model } from "@medusajs/framework/utils"
import { ORDER_FACT_SOURCES } from "./order-fact"

/**
 * One order line of an order fact. `line_key` is the order line item id (Medusa) or the SKU
 * (import). Imported lines whose SKU matches no variant keep the SKU with no product: an
 * external product.
 */
export const PurchaseFact = model
  .define("purchase_fact", {
    id: model.id({ prefix: "pfact" }).primaryKey(),
    source: model.enum([...ORDER_FACT_SOURCES]),
    order_key: model.text(),
    line_key: model.text(),
    customer_id: model.text(),
    placed_at: model.dateTime(),
    currency_code: model.text(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    sku: model.text().nullable(),
    quantity: model.number(),
    refunded_quantity: model.number().default(0),
    /** quantity − refunded_quantity: what the customer kept. */
    net_quantity: model.number(),
    unit_amount: model.bigNumber(),
    net_amount: model.bigNumber(),
  })
  .indexes([
    { on: ["source", "order_key", "line_key"], unique: true, where: null },
    { on: ["customer_id", "placed_at"], where: null },
    { on: ["product_id", "customer_id"], where: null },
    { on: ["variant_id", "customer_id"], where: null },
    { on: ["sku", "customer_id"], where: null },
  ])
