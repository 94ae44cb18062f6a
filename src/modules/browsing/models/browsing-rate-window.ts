import { model } from "@medusajs/framework/utils"

/**
 * Events a visitor sent in one fixed rate-limit window: one upserted counter row per visitor and
 * window, so the limit holds across server instances without a cache. Old windows are purged.
 */
export const BrowsingRateWindow = model
  .define("browsing_rate_window", {
    id: model.id({ prefix: "brw" }).primaryKey(),
    visitor_key: model.text(),
    window_start: model.dateTime(),
    event_count: model.number().default(0),
  })
  .indexes([
    { on: ["visitor_key", "window_start"], unique: true, where: null },
    { on: ["window_start"], where: null },
  ])
