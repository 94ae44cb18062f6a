import { model } from "@medusajs/framework/utils"

/**
 * A reward issued by a purchase-count rule: the k-th for this customer and rule (unique, so it is
 * issued once). Gift shipments wait in the admin fulfilment queue with the address they go to.
 */
export const PurchaseReward = model
  .define("purchase_reward", {
    id: model.id({ prefix: "lprw" }).primaryKey(),
    rule_id: model.text(),
    customer_id: model.text(),
    sequence: model.number(),
    reward_type: model.enum(["gift_shipment", "promotion_code", "bonus_points"]),
    status: model.enum(["pending", "fulfilled", "cancelled"]).default("pending"),
    order_id: model.text().nullable(),
    gift_variant_id: model.text().nullable(),
    gift_quantity: model.number().default(1),
    shipping_address: model.json().nullable(),
    promotion_id: model.text().nullable(),
    promotion_code: model.text().nullable(),
    points_transaction_id: model.text().nullable(),
    fulfilled_at: model.dateTime().nullable(),
    fulfilled_by: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["rule_id", "customer_id", "sequence"], unique: true }, { on: ["status", "reward_type"] }])
