import { model } from "@medusajs/framework/utils"

export const POINTS_TRANSACTION_TYPES = ["earn", "redeem", "expire", "reverse", "adjust", "referral", "reward"] as const

/**
 * An append-only ledger entry: never updated or deleted; corrections are new entries. The
 * idempotency key is unique, so an event delivered twice records one entry.
 */
export const PointsTransaction = model
  .define("points_transaction", {
    id: model.id({ prefix: "lptx" }).primaryKey(),
    account_id: model.text(),
    customer_id: model.text(),
    type: model.enum([...POINTS_TRANSACTION_TYPES]),
    points: model.number(),
    idempotency_key: model.text(),
    occurred_at: model.dateTime(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    lot_id: model.text().nullable(),
    reason: model.text().nullable(),
    actor_id: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["account_id", "occurred_at"] },
    { on: ["order_id"] },
    { on: ["lot_id"] },
  ])
