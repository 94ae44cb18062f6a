import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SegmentEvents } from "../modules/segments/events"
import { enterSegmentAutomationsWorkflow } from "../workflows/automations/enter-segment-automations"

/** segment.customer_entered → start the journeys of automations triggered by that segment. */
export default async function automationsSegmentEntered({ event, container }: SubscriberArgs<{ segment_id: string; customer_id: string }>) {
  await enterSegmentAutomationsWorkflow(container).run({ input: { segment_id: event.data.segment_id, customer_ids: [event.data.customer_id] } })
}

export const config: SubscriberConfig = { event: SegmentEvents.CUSTOMER_ENTERED, context: { subscriberId: "automations-segment-entered" } }
