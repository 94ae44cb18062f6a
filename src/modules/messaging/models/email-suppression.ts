import { model } from "@medusajs/framework/utils"

export const SUPPRESSION_REASONS = ["bounce", "dropped", "spamreport", "unsubscribe", "manual"] as const

/** An address no marketing e-mail may go to (hard bounce, spam report...), whoever the customer is. */
export const EmailSuppression = model
  .define("email_suppression", {
    id: model.id({ prefix: "msup" }).primaryKey(),
    email: model.text(),
    reason: model.enum([...SUPPRESSION_REASONS]),
    source: model.text(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["email"], unique: true }])
