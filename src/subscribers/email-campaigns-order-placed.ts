import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { attributeCampaignOrderWorkflow } from "../workflows/email-campaigns/attribute-order"

/** order.placed → credit the order to the campaign the customer clicked. */
export default async function emailCampaignsOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await attributeCampaignOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED, context: { subscriberId: "email-campaigns-order-placed" } }
