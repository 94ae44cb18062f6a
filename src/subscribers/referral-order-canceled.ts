import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { voidReferralForOrderWorkflow } from "../workflows/loyalty-points/void-referral-for-order"

/** order.canceled → a referral that order rewarded is void. */
export default async function referralOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await voidReferralForOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.CANCELED, context: { subscriberId: "referral-order-canceled" } }
