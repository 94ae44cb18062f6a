import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SegmentEvents } from "../modules/segments/events"
import { exitSegmentAutomationsWorkflow } from "../workflows/automations/exit-segment-automations"

/** segment.customer_exited → start the journeys of automations triggered by leaving that segment. */
export default async function automationsSegmentExited({ event, container }: SubscriberArgs<{ segment_id: string; customer_id: string }>) {
  await exitSegmentAutomationsWorkflow(container).run({ input: { segment_id: event.data.segment_id, customer_ids: [event.data.customer_id] } })
}

export const config: SubscriberConfig = { event: SegmentEvents.CUSTOMER_EXITED, context: { subscriberId: "automations-segment-exited" } }
