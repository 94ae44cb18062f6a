import { model } from "@medusajs/framework/utils"

/**
 * How long a product lasts and when to remind: the consumption cycle (days per unit; learned from
 * purchases when not set), the lead time, substitutes that cover the same need, the message, and
 * how many nudges a cycle gets.
 */
export const ReminderRule = model
  .define("reminder_rule", {
    id: model.id({ prefix: "rrule" }).primaryKey(),
    product_id: model.text(),
    /** Narrows the rule to one variant of the product. */
    variant_id: model.text().nullable(),
    title: model.text().nullable(),
    /** Days one unit lasts (28 for a box of 28 tablets, one a day); null: learned from purchases. */
    days_per_unit: model.float().nullable(),
    lead_days: model.number().default(3),
    /** Buying one of these also covers the need. */
    substitute_product_ids: model.array().default([]),
    substitute_variant_ids: model.array().default([]),
    /** Notification template (channel email). */
    template: model.text().default("repurchase-reminder"),
    /** Reminders per cycle: the first at the due date, then one every `nudge_after_days`. */
    max_reminders: model.number().default(1),
    nudge_after_days: model.number().default(7),
    /** With no cycle set: after a customer's own second purchase, their median gap replaces the store's. */
    use_personal_cycle: model.boolean().default(true),
    is_active: model.boolean().default(true),
    /** The store's median gap per unit over customers with two or more purchases, and how many gaps it came from. */
    learned_days_per_unit: model.float().nullable(),
    learned_sample_size: model.number().default(0),
    learned_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["product_id"] }, { on: ["is_active"] }])
