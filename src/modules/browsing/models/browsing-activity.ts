import { model } from "@medusajs/framework/utils"

/**
 * What one visitor did with one product on one (UTC) day: views and cart adds counted, not one
 * row per event, so a busy storefront stays small. The visitor is a customer (`cus_...`) or an
 * anonymous storefront id (`anon:...`) until the anonymous rows are merged into the customer at
 * login. Kept for the configured retention, then purged.
 */
export const BrowsingActivity = model
  .define("browsing_activity", {
    id: model.id({ prefix: "bact" }).primaryKey(),
    /** The customer id, or `anon:` + the storefront's anonymous id. */
    visitor_key: model.text(),
    customer_id: model.text().nullable(),
    product_id: model.text(),
    /** Midnight UTC of the day the events happened. */
    activity_date: model.dateTime(),
    view_count: model.number().default(0),
    cart_add_count: model.number().default(0),
    last_event_at: model.dateTime(),
  })
  .indexes([
    { on: ["visitor_key", "product_id", "activity_date"], unique: true, where: null },
    { on: ["customer_id", "product_id", "activity_date"], where: "customer_id IS NOT NULL" },
    { on: ["product_id", "activity_date"], where: null },
    { on: ["activity_date"], where: null },
  ])
