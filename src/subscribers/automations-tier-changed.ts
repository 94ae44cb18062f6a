import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyPointsEvents } from "../modules/loyalty-points/events"
import { enterTierChangedAutomationsWorkflow } from "../workflows/automations/enter-tier-changed-automations"

/** loyalty.tier_changed → start the journeys of automations triggered by that tier change. */
export default async function automationsTierChanged({
  event,
  container,
}: SubscriberArgs<{ customer_id: string; from_tier_id: string | null; to_tier_id: string | null }>) {
  const { customer_id, from_tier_id, to_tier_id } = event.data
  await enterTierChangedAutomationsWorkflow(container).run({ input: { customer_id, from_tier_id, to_tier_id } })
}

export const config: SubscriberConfig = { event: LoyaltyPointsEvents.TIER_CHANGED, context: { subscriberId: "automations-tier-changed" } }
