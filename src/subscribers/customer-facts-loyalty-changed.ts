import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyPointsEvents } from "../modules/loyalty-points/events"
import { refreshCustomerFactsWorkflow } from "../workflows/customer-facts/refresh-customer-facts"

/** Points earned, reversed, spent or expired, or a tier change → the customers' points and tier facts. */
export default async function customerFactsLoyaltyChanged({
  event,
  container,
}: SubscriberArgs<{ customer_id?: string | null; customer_ids?: string[] }>) {
  const ids = [...(event.data.customer_ids ?? []), ...(event.data.customer_id ? [event.data.customer_id] : [])]
  if (ids.length) {
    await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: ids } })
  }
}

export const config: SubscriberConfig = {
  event: [
    LoyaltyPointsEvents.POINTS_EARNED,
    LoyaltyPointsEvents.POINTS_REVERSED,
    LoyaltyPointsEvents.TIER_CHANGED,
    LoyaltyPointsEvents.POINTS_BALANCE_CHANGED,
  ],
  context: { subscriberId: "customer-facts-loyalty-changed" },
}
