import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { consumeOrderRedemptionWorkflow } from "../workflows/loyalty-points/consume-order-redemption"

/** order.placed → points held on its cart are redeemed. */
export default async function redemptionOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await consumeOrderRedemptionWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED, context: { subscriberId: "redemption-order-placed" } }
