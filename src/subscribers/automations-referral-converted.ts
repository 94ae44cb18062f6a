import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyPointsEvents } from "../modules/loyalty-points/events"
import { enterReferralAutomationsWorkflow } from "../workflows/automations/enter-referral-automations"

/** loyalty.referral_converted → start the journeys of automations triggered by a converted referral. */
export default async function automationsReferralConverted({ event, container }: SubscriberArgs<{ referral_id: string }>) {
  await enterReferralAutomationsWorkflow(container).run({ input: { referral_id: event.data.referral_id } })
}

export const config: SubscriberConfig = { event: LoyaltyPointsEvents.REFERRAL_CONVERTED, context: { subscriberId: "automations-referral-converted" } }
