import { model } from "@medusajs/framework/utils"

/**
 * Points a customer set aside on an open cart (redemption at checkout), shown to the cart as a
 * single-use promotion worth `amount`. Held points are not available elsewhere; they are consumed
 * first-expiring first when the order is placed, or released if the cart is abandoned.
 */
export const PointsHold = model
  .define("points_hold", {
    id: model.id({ prefix: "lphold" }).primaryKey(),
    account_id: model.text(),
    customer_id: model.text(),
    cart_id: model.text(),
    points: model.number(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    promotion_id: model.text().nullable(),
    promotion_code: model.text().nullable(),
    status: model.enum(["held", "consumed", "released"]).default("held"),
    order_id: model.text().nullable(),
    released_at: model.dateTime().nullable(),
    expires_at: model.dateTime(),
  })
  .indexes([
    { on: ["cart_id"], unique: true, where: "status = 'held'" },
    { on: ["account_id", "status"] },
    { on: ["promotion_id"] },
  ])
