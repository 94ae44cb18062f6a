import { model } from "@medusajs/framework/utils"

/**
 * An order credited to a campaign: placed by a treated recipient within the window after a click
 * (or an open, if the campaign counts opens), to the latest qualifying campaign. One per order.
 * Revenue is read from the customer facts when reported, so refunds and cancels reduce it.
 */
export const CampaignAttribution = model
  .define("campaign_attribution", {
    id: model.id({ prefix: "ecat" }).primaryKey(),
    order_id: model.text(),
    campaign_id: model.text(),
    recipient_id: model.text(),
    customer_id: model.text(),
    touch: model.enum(["click", "open"]),
    touched_at: model.dateTime(),
    placed_at: model.dateTime(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: null },
    { on: ["campaign_id"], where: null },
  ])
