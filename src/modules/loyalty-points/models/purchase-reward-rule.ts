import { model } from "@medusajs/framework/utils"

/**
 * "Buy N, get one": every `every_quantity` units of a product (or one variant) a customer buys
 * earns a reward: a gift shipment, a single-use promotion code for a free unit, or bonus points.
 */
export const PurchaseRewardRule = model.define("purchase_reward_rule", {
  id: model.id({ prefix: "lprr" }).primaryKey(),
  name: model.text(),
  product_id: model.text().nullable(),
  variant_id: model.text().nullable(),
  every_quantity: model.number(),
  reward_type: model.enum(["gift_shipment", "promotion_code", "bonus_points"]),
  bonus_points: model.number().nullable(),
  /** What the gift or the free unit is; defaults to the variant bought. */
  gift_variant_id: model.text().nullable(),
  gift_quantity: model.number().default(1),
  is_active: model.boolean().default(true),
})
