import { model } from "@medusajs/framework/utils"

/**
 * A saved segment: a condition tree over the customer facts, its stored membership, and
 * optionally a Medusa customer group kept equal to the membership (so native price lists and
 * promotions follow behaviour).
 */
export const Segment = model
  .define("segment", {
    id: model.id({ prefix: "seg" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    /** The condition tree (see definition/schema.ts). */
    definition: model.json(),
    /** Products of referenced categories/collections/tags, countries of regions, referenced segments: resolved when saved and hourly. */
    resolved_references: model.json().nullable(),
    /** Live segments are re-evaluated when an event touches a customer; paused ones keep their members. */
    is_live: model.boolean().default(true),
    /** Whether time alone changes members (relative dates, windows, recency), so the scheduled refresh must run it. */
    depends_on_time: model.boolean().default(false),
    /** The Medusa customer group kept in sync with the members, if any. */
    customer_group_id: model.text().nullable(),
    /** Storefronts may ask whether the logged-in customer is a member (GET /store/segments/me). */
    store_visible: model.boolean().default(false),
    member_count: model.number().default(0),
    /** Bumped when the definition changes; the membership reflects `membership_version`. */
    definition_version: model.number().default(1),
    membership_version: model.number().default(0),
    last_refreshed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["is_live"] }, { on: ["customer_group_id"] }])
