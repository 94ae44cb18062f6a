import { model } from "@medusajs/framework/utils"

/**
 * One referee brought by one referrer. When the referee's first order is placed both sides get
 * their points, pending for that order's return window; if that order is canceled the referral
 * is void and the points are taken back.
 */
export const Referral = model
  .define("referral", {
    id: model.id({ prefix: "lpref" }).primaryKey(),
    referrer_customer_id: model.text(),
    referee_customer_id: model.text(),
    code: model.text(),
    status: model.enum(["registered", "rewarded", "void"]).default("registered"),
    order_id: model.text().nullable(),
    rewarded_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["referee_customer_id"], unique: true }, { on: ["referrer_customer_id"] }, { on: ["order_id"] }])
