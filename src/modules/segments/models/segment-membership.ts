import { model } from "@medusajs/framework/utils"

/**
 * A customer in a segment. Rows are inserted and deleted (never soft-deleted): the unique pair
 * makes "entered" and "exited" happen once each however often an evaluation runs.
 */
export const SegmentMembership = model
  .define("segment_membership", {
    id: model.id({ prefix: "segm" }).primaryKey(),
    segment_id: model.text(),
    customer_id: model.text(),
    entered_at: model.dateTime(),
  })
  .indexes([
    { on: ["segment_id", "customer_id"], unique: true, where: null },
    { on: ["customer_id"], where: null },
  ])
