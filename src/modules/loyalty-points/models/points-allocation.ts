import { model } from "@medusajs/framework/utils"

/**
 * How many points of a lot a ledger entry took (`consume`, `debt`) or gave back (`restore`), so a
 * redemption can be returned to the lots it came from.
 */
export const PointsAllocation = model
  .define("points_allocation", {
    id: model.id({ prefix: "lpal" }).primaryKey(),
    transaction_id: model.text(),
    lot_id: model.text(),
    kind: model.enum(["consume", "restore", "debt"]),
    points: model.number(),
  })
  .indexes([{ on: ["transaction_id"] }, { on: ["lot_id"] }])
