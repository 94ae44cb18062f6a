import { model } from "@medusajs/framework/utils"

export const CONSENT_PURPOSES = ["email_marketing", "sms_marketing", "tracking"] as const

/**
 * The consent ledger: every grant or withdrawal per customer and purpose, append-only. The latest
 * record per purpose is the customer's consent; without one there is none (imported profiles are
 * never silently subscribed).
 */
export const ConsentRecord = model
  .define("consent_record", {
    id: model.id({ prefix: "cons" }).primaryKey(),
    customer_id: model.text(),
    purpose: model.enum([...CONSENT_PURPOSES]),
    granted: model.boolean(),
    /** Where it came from: `customer_metadata`, `import`, `storefront`, `unsubscribe`, `admin`... */
    source: model.text(),
    recorded_at: model.dateTime(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id", "purpose", "recorded_at"] }])
