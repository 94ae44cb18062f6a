import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { handleOrderForAutomationsWorkflow } from "../workflows/automations/handle-order-for-automations"

/** order.placed → end the customer's journeys that exit on an order; start Nth-order journeys. */
export default async function automationsOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await handleOrderForAutomationsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED, context: { subscriberId: "automations-order-placed" } }
