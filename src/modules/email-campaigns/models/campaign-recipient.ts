import { model } from "@medusajs/framework/utils"

export const RECIPIENT_GROUPS = ["treatment", "holdout"] as const
export const RECIPIENT_STATUSES = ["pending", "sending", "sent", "failed", "held_out", "suppressed"] as const

/**
 * One customer of a campaign's audience, snapshotted when sending starts: unique per campaign and
 * customer, so a re-run adds no one twice. The treatment group moves pending → sending (claimed in
 * a batch) → sent or failed; the holdout stays `held_out` and is the control.
 */
export const CampaignRecipient = model
  .define("campaign_recipient", {
    id: model.id({ prefix: "ecrc" }).primaryKey(),
    campaign_id: model.text(),
    customer_id: model.text(),
    email: model.text(),
    first_name: model.text().nullable(),
    language: model.text(),
    group: model.enum([...RECIPIENT_GROUPS]),
    status: model.enum([...RECIPIENT_STATUSES]),
    reason: model.text().nullable(),
    batch_id: model.text().nullable(),
    claimed_at: model.dateTime().nullable(),
    attempts: model.number().default(0),
    provider_message_id: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    opened_at: model.dateTime().nullable(),
    clicked_at: model.dateTime().nullable(),
    bounced_at: model.dateTime().nullable(),
    unsubscribed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["campaign_id", "customer_id"], unique: true, where: null },
    // Ends in id so a claim (pending, one language, in id order) reads its batch off the index
    // instead of sorting or skipping every recipient sent before it.
    { on: ["campaign_id", "status", "language", "id"], where: null },
    { on: ["customer_id", "clicked_at"], where: null },
  ])
