import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reversePointsForOrderWorkflow } from "../workflows/loyalty-points/reverse-points-for-order"

/** order.canceled → all of the order's points are reversed. */
export default async function loyaltyOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await reversePointsForOrderWorkflow(container).run({
    input: { order_id: event.data.id, source_key: `cancel:${event.data.id}`, canceled: true, reason: "order canceled" },
  })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.CANCELED, context: { subscriberId: "loyalty-order-canceled" } }
