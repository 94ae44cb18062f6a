import { model } from "@medusajs/framework/utils"

/**
 * How many points an order earns: points per currency unit, scoped by currency / region / sales
 * channel / customer group (unset = any), with product, collection or category multipliers,
 * shipping and tax in or out, and active dates. The most specific active rule applies.
 */
export const EarnRule = model.define("earn_rule", {
  id: model.id({ prefix: "lprule" }).primaryKey(),
  name: model.text(),
  points_per_unit: model.bigNumber(),
  currency_code: model.text().nullable(),
  region_id: model.text().nullable(),
  sales_channel_id: model.text().nullable(),
  customer_group_id: model.text().nullable(),
  /** `[{ target: "product" | "collection" | "category", id, multiplier }]` */
  multipliers: model.json().default({ items: [] }),
  include_shipping: model.boolean().default(false),
  include_tax: model.boolean().default(false),
  starts_at: model.dateTime().nullable(),
  ends_at: model.dateTime().nullable(),
  is_active: model.boolean().default(true),
  priority: model.number().default(0),
})
