import { model } from "@medusajs/framework/utils"

/**
 * Points credited together (one order line, one adjustment...). Redemption and expiry consume lots
 * first-expiring first; reversals go back to the lot at the rate snapshotted here, never the
 * current rule's.
 */
export const PointsLot = model
  .define("points_lot", {
    id: model.id({ prefix: "lplot" }).primaryKey(),
    account_id: model.text(),
    transaction_id: model.text(),
    points: model.number(),
    remaining: model.number(),
    earned_at: model.dateTime(),
    available_at: model.dateTime(),
    expires_at: model.dateTime().nullable(),
    /** Points per currency unit in force when earned (rule rate × multipliers). */
    rate: model.bigNumber().nullable(),
    /** The currency amount the points were earned on. */
    base_amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    quantity: model.number().nullable(),
  })
  .indexes([
    { on: ["account_id", "expires_at"] },
    { on: ["order_id"] },
    { on: ["transaction_id"] },
    // The expiry job looks for lots past their date with points left.
    { on: ["expires_at"], where: "remaining > 0" },
  ])
