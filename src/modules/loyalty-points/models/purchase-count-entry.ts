import { model } from "@medusajs/framework/utils"

/**
 * Append-only: units of a rule's product bought (positive) or returned (negative), one entry per
 * order line or return line, unique by idempotency key.
 */
export const PurchaseCountEntry = model
  .define("purchase_count_entry", {
    id: model.id({ prefix: "lpce" }).primaryKey(),
    rule_id: model.text(),
    customer_id: model.text(),
    quantity: model.number(),
    idempotency_key: model.text(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    occurred_at: model.dateTime(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["rule_id", "customer_id"] }])
