import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reversePointsForOrderWorkflow } from "../workflows/loyalty-points/reverse-points-for-order"

/** order.return_received → the returned lines' points are reversed in proportion. */
export default async function loyaltyReturnReceived({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await reversePointsForOrderWorkflow(container).run({
    input: {
      order_id: event.data.order_id,
      return_id: event.data.return_id,
      source_key: `return:${event.data.return_id}`,
      reason: "items returned",
    },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_RECEIVED,
  context: { subscriberId: "loyalty-return-received" },
}
