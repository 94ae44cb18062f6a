import { model } from "@medusajs/framework/utils"

export const CAMPAIGN_EVENT_TYPES = [
  "processed",
  "delivered",
  "deferred",
  "bounce",
  "dropped",
  "spamreport",
  "unsubscribe",
  "open",
  "click",
] as const

/**
 * What happened to a recipient's message: SendGrid's webhook events and our own tracked opens and
 * clicks. `event_key` is unique (SendGrid's sg_event_id, or ours), so a duplicate delivery of the
 * same event counts once.
 */
export const CampaignEvent = model
  .define("campaign_event", {
    id: model.id({ prefix: "ecev" }).primaryKey(),
    campaign_id: model.text(),
    recipient_id: model.text(),
    type: model.enum([...CAMPAIGN_EVENT_TYPES]),
    event_key: model.text(),
    occurred_at: model.dateTime(),
    url: model.text().nullable(),
    source: model.text(),
  })
  .indexes([
    { on: ["event_key"], unique: true, where: null },
    { on: ["campaign_id", "type"], where: null },
    { on: ["recipient_id"], where: null },
  ])
