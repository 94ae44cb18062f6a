import { model } from "@medusajs/framework/utils"

/** A customer's running count for one rule (the sum of its entries) and the rewards already issued. */
export const PurchaseCounter = model
  .define("purchase_counter", {
    id: model.id({ prefix: "lpctr" }).primaryKey(),
    rule_id: model.text(),
    customer_id: model.text(),
    quantity: model.number().default(0),
    rewards_issued: model.number().default(0),
  })
  .indexes([{ on: ["rule_id", "customer_id"], unique: true }])
