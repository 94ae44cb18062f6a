import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { earnPointsForOrderWorkflow } from "../workflows/loyalty-points/earn-points-for-order"

/** order.placed → the order's points (pending for the return window). */
export default async function loyaltyOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await earnPointsForOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED, context: { subscriberId: "loyalty-order-placed" } }
