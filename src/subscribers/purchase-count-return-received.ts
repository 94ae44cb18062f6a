import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { countPurchasesForOrderWorkflow } from "../workflows/loyalty-points/count-purchases-for-order"

/** order.return_received → returned units lower the purchase counters. */
export default async function purchaseCountReturnReceived({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await countPurchasesForOrderWorkflow(container).run({
    input: { order_id: event.data.order_id, mode: "return", return_id: event.data.return_id },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_RECEIVED,
  context: { subscriberId: "purchase-count-return-received" },
}
