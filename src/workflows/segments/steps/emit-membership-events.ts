import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SegmentEvents } from "../../../modules/segments/events"
import type { MembershipDiff } from "./sync-segment-groups"

const CHUNK = 1000

/**
 * Emits `segment.customer_entered` / `segment.customer_exited` once per change, in chunks (a full
 * refresh may move a hundred thousand customers). Runs last: a change is announced only once it
 * is stored and its group synced. Events cannot be taken back: nothing to compensate.
 */
export const emitMembershipEventsStep = createStep("emit-membership-events", async (input: { diffs: MembershipDiff[] }, { container }) => {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  let emitted = 0
  for (const [name, key] of [
    [SegmentEvents.CUSTOMER_ENTERED, "added"],
    [SegmentEvents.CUSTOMER_EXITED, "removed"],
  ] as const) {
    const events = input.diffs.flatMap((d) => d[key].map((customer_id) => ({ name, data: { segment_id: d.segment_id, customer_id } })))
    for (let i = 0; i < events.length; i += CHUNK) {
      await eventBus.emit(events.slice(i, i + CHUNK))
    }
    emitted += events.length
  }
  return new StepResponse({ emitted })
})
