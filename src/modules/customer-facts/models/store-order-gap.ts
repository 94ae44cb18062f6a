import { model } from "@medusajs/framework/utils"

/**
 * The store's typical gap between a customer's orders: the median of the repeat customers' own
 * expected gaps (each the median of their gaps between consecutive distinct order days). The expected gap of customers with fewer than two order
 * days; stored (one row) so one customer's rebuild after an event uses the same value as the
 * nightly run for everyone.
 */
export const StoreOrderGap = model.define("store_order_gap", {
  id: model.id({ prefix: "sogap" }).primaryKey(),
  median_gap_days: model.float(),
  /** How many customers (with two order days or more) the median was taken over. */
  customers_sampled: model.number(),
  computed_at: model.dateTime(),
})
