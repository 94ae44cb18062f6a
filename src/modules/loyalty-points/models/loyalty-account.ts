import { model } from "@medusajs/framework/utils"

/**
 * One customer's points account. `points_balance` caches the ledger sum (checked by
 * `verifyBalances`); `points_debt` is what reversals took beyond the points left, settled by the
 * next points earned.
 */
export const LoyaltyAccount = model
  .define("loyalty_account", {
    id: model.id({ prefix: "lpacc" }).primaryKey(),
    customer_id: model.text(),
    points_balance: model.number().default(0),
    points_debt: model.number().default(0),
    lifetime_earned: model.number().default(0),
    negative_policy: model.enum(["allow_negative", "clawback"]).nullable(),
    tier_id: model.text().nullable(),
    tier_changed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id"], unique: true }])
