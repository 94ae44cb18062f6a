import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { countPurchasesForOrderWorkflow } from "../workflows/loyalty-points/count-purchases-for-order"

/** order.placed → purchase-count rules ("buy 3 boxes, get 1 free") count the units bought. */
export default async function purchaseCountOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await countPurchasesForOrderWorkflow(container).run({ input: { order_id: event.data.id, mode: "placed" } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "purchase-count-order-placed" },
}
