import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyPointsEvents } from "../modules/loyalty-points/events"
import { evaluateTiersWorkflow } from "../workflows/loyalty-points/evaluate-tiers"

/** Points earned or reversed → that customer's tier is re-evaluated at once (upgrades don't wait for the night). */
export default async function loyaltyPointsChanged({ event, container }: SubscriberArgs<{ customer_id: string | null }>) {
  if (event.data.customer_id) {
    await evaluateTiersWorkflow(container).run({ input: { customer_ids: [event.data.customer_id] } })
  }
}

export const config: SubscriberConfig = {
  event: [LoyaltyPointsEvents.POINTS_EARNED, LoyaltyPointsEvents.POINTS_REVERSED],
  context: { subscriberId: "loyalty-points-changed" },
}
