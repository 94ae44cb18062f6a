import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { countPurchasesForOrderWorkflow } from "../workflows/loyalty-points/count-purchases-for-order"

/** order.canceled → the order's units no longer count towards purchase-count rewards. */
export default async function purchaseCountOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await countPurchasesForOrderWorkflow(container).run({ input: { order_id: event.data.id, mode: "cancel" } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "purchase-count-order-canceled" },
}
