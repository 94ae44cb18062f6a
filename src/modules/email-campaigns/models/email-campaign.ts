import { model } from "@medusajs/framework/utils"

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "paused", "sent", "cancelled"] as const
export const ATTRIBUTION_MODELS = ["click", "click_or_open"] as const

/**
 * An e-mail campaign to a segment: per-language templates, sender, schedule, a holdout share kept
 * from sending (the control group), the attribution window and model, UTM tags. Named
 * `email_campaign`: Medusa's promotion module owns `campaign`.
 */
export const EmailCampaign = model
  .define("email_campaign", {
    id: model.id({ prefix: "ecmp" }).primaryKey(),
    name: model.text(),
    segment_id: model.text(),
    status: model.enum([...CAMPAIGN_STATUSES]).default("draft"),
    from_email: model.text(),
    from_name: model.text().nullable(),
    reply_to: model.text().nullable(),
    /** The template language when a customer's own has none. */
    default_language: model.text().default("en"),
    /** Customer metadata key that holds their language (e.g. `language`: "de"). */
    language_key: model.text().default("language"),
    /** Share of the audience kept from sending, 0–50 %. */
    holdout_percent: model.float().default(10),
    attribution_window_days: model.number().default(5),
    attribution_model: model.enum([...ATTRIBUTION_MODELS]).default("click"),
    /** `{ source, medium, campaign, content? }` appended to every tracked link. */
    utm: model.json().nullable(),
    scheduled_at: model.dateTime().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    paused_at: model.dateTime().nullable(),
    audience_size: model.number().default(0),
    holdout_size: model.number().default(0),
    last_error: model.text().nullable(),
  })
  .indexes([{ on: ["status", "scheduled_at"] }, { on: ["segment_id"] }])
