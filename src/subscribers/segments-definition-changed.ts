import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SegmentEvents } from "../modules/segments/events"
import { refreshSegmentWorkflow } from "../workflows/segments/refresh-segment"

/** A segment was created or its definition changed → its whole membership, on the worker. */
export default async function segmentsDefinitionChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  await refreshSegmentWorkflow(container).run({ input: { segment_id: event.data.id } })
}

export const config: SubscriberConfig = { event: SegmentEvents.DEFINITION_CHANGED, context: { subscriberId: "segments-definition-changed" } }
