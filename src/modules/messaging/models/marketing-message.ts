import { model } from "@medusajs/framework/utils"

export const MESSAGE_KINDS = ["reminder", "campaign", "automation"] as const
export const MESSAGE_STATUSES = ["reserved", "sent", "failed", "suppressed"] as const

/**
 * Every marketing message the plugin sends or decided not to send, whoever sends it (reminders,
 * campaigns, automations): the one place the global frequency cap counts. The idempotency key is
 * unique, so a message is reserved once however often a job or worker retries it.
 */
export const MarketingMessage = model
  .define("marketing_message", {
    id: model.id({ prefix: "mmsg" }).primaryKey(),
    customer_id: model.text(),
    kind: model.enum([...MESSAGE_KINDS]),
    /** The reminder, campaign recipient... this message belongs to. */
    source_id: model.text(),
    idempotency_key: model.text(),
    channel: model.text().default("email"),
    to: model.text().nullable(),
    template: model.text().nullable(),
    status: model.enum([...MESSAGE_STATUSES]).default("reserved"),
    /** Why it was not sent (frequency cap...) or why it failed. */
    reason: model.text().nullable(),
    provider_message_id: model.text().nullable(),
    reserved_at: model.dateTime(),
    sent_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: null },
    { on: ["customer_id", "reserved_at"], where: null },
    { on: ["source_id"], where: null },
  ])
