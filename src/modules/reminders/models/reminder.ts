import { model } from "@medusajs/framework/utils"

export const REMINDER_STATUSES = ["scheduled", "claimed", "sent", "suppressed", "withdrawn", "failed"] as const

/**
 * One reminder of one cycle (sequence 1, then nudges) for a customer and rule. It is unique per
 * (rule, customer, coverage end, sequence), so scheduling twice creates nothing; at most one is
 * scheduled or claimed per customer and rule; claimed ones carry a lease, so a crashed sender's
 * claim is picked up again instead of lost.
 */
export const Reminder = model
  .define("reminder", {
    id: model.id({ prefix: "rmd" }).primaryKey(),
    customer_id: model.text(),
    rule_id: model.text(),
    coverage_end: model.dateTime(),
    due_at: model.dateTime(),
    sequence: model.number().default(1),
    status: model.enum([...REMINDER_STATUSES]).default("scheduled"),
    /** Why it was suppressed, withdrawn or failed. */
    reason: model.text().nullable(),
    claimed_at: model.dateTime().nullable(),
    claim_token: model.text().nullable(),
    attempts: model.number().default(0),
    message_id: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    /** The cart a one-click reorder created, reused when clicked again. */
    reorder_cart_id: model.text().nullable(),
  })
  .indexes([
    { on: ["rule_id", "customer_id", "coverage_end", "sequence"], unique: true, where: null },
    { on: ["customer_id", "rule_id"], unique: true, where: "status in ('scheduled', 'claimed') AND deleted_at IS NULL" },
    { on: ["due_at"], where: "status = 'scheduled' AND deleted_at IS NULL" },
    { on: ["status", "claimed_at"], where: null },
  ])
