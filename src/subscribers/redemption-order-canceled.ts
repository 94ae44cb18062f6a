import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { restoreOrderRedemptionWorkflow } from "../workflows/loyalty-points/restore-order-redemption"

/** order.canceled → the points the order redeemed come back. */
export default async function redemptionOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await restoreOrderRedemptionWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.CANCELED, context: { subscriberId: "redemption-order-canceled" } }
