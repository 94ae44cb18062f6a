import { model } from "@medusajs/framework/utils"

/** A customer's code to share; whoever registers it before their first order is their referee. */
export const ReferralCode = model
  .define("referral_code", {
    id: model.id({ prefix: "lprc" }).primaryKey(),
    customer_id: model.text(),
    code: model.text(),
  })
  .indexes([
    { on: ["customer_id"], unique: true },
    { on: ["code"], unique: true },
  ])
