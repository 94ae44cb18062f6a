import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { rewardReferralForOrderWorkflow } from "../workflows/loyalty-points/reward-referral-for-order"

/** order.placed → a referred customer's first order rewards them and their referrer. */
export default async function referralOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await rewardReferralForOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED, context: { subscriberId: "referral-order-placed" } }
