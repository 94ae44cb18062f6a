import { model } from "@medusajs/framework/utils"

/**
 * The message of a campaign in one language. Subject, HTML and text may use variables:
 * {{first_name}}, {{points}}, {{tier}}, {{recommended_products}}, {{unsubscribe_url}}.
 */
export const EmailCampaignTemplate = model
  .define("email_campaign_template", {
    id: model.id({ prefix: "ectpl" }).primaryKey(),
    campaign_id: model.text(),
    language: model.text(),
    subject: model.text(),
    html: model.text(),
    text: model.text(),
  })
  .indexes([{ on: ["campaign_id", "language"], unique: true }])
