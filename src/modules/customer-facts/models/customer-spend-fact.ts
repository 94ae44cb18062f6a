import { model } from "@medusajs/framework/utils"

/** A customer's orders and spend in one currency, net of refunds (amounts are never summed across currencies). */
export const CustomerSpendFact = model
  .define("customer_spend_fact", {
    id: model.id({ prefix: "cspf" }).primaryKey(),
    customer_id: model.text(),
    currency_code: model.text(),
    order_count: model.number(),
    total_spent: model.bigNumber(),
    refunded_total: model.bigNumber(),
    average_order_value: model.bigNumber(),
    first_order_at: model.dateTime(),
    last_order_at: model.dateTime(),
  })
  .indexes([
    { on: ["customer_id", "currency_code"], unique: true, where: null },
    { on: ["currency_code", "total_spent"], where: null },
  ])
