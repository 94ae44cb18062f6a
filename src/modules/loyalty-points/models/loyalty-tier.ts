import { model } from "@medusajs/framework/utils"

/**
 * A tier reached by rolling-12-month points earned (basis "points") or spend in one currency
 * (basis "spend"), with an earn multiplier and a Medusa customer group kept in sync, so native
 * price lists and promotions follow the tier. The highest-ranked tier reached applies.
 */
export const LoyaltyTier = model.define("loyalty_tier", {
  id: model.id({ prefix: "lptier" }).primaryKey(),
  name: model.text(),
  rank: model.number(),
  basis: model.enum(["points", "spend"]).default("points"),
  threshold: model.bigNumber(),
  currency_code: model.text().nullable(),
  earn_multiplier: model.bigNumber().default(1),
  customer_group_id: model.text().nullable(),
  is_active: model.boolean().default(true),
})
