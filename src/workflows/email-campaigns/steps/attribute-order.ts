import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"

/**
 * Credits a new order to the latest campaign its customer clicked (or opened, where counted)
 * within the window. Once per order (a replayed order.placed credits nothing more). Revenue is
 * read from the facts at report time, so refunds and cancels need no step of their own.
 */
export const attributeOrderStep = createStep("attribute-order", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id", "created_at"], filters: { id: input.order_id } })
  const order = data[0]
  if (!order?.customer_id) {
    return new StepResponse({ campaign_id: null as string | null })
  }
  const campaignId = await container
    .resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
    .attributeOrder({ order_id: order.id, customer_id: order.customer_id, placed_at: new Date(order.created_at) })
  return new StepResponse({ campaign_id: campaignId })
})
