import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitMembershipEventsStep } from "./steps/emit-membership-events"
import { refreshSegmentMembershipStep } from "./steps/refresh-segment-membership"
import { syncSegmentGroupsStep } from "./steps/sync-segment-groups"

export const refreshSegmentWorkflowId = "refresh-segment"

/**
 * Recomputes a segment's membership from the facts (definition changed, time passed, bulk import),
 * syncs its customer group and announces each entry and exit once.
 */
export const refreshSegmentWorkflow = createWorkflow(refreshSegmentWorkflowId, (input: { segment_id: string; now?: Date | string }) => {
  const refreshed = refreshSegmentMembershipStep(input)
  syncSegmentGroupsStep(refreshed)
  const events = emitMembershipEventsStep(refreshed)
  return new WorkflowResponse({ diffs: refreshed.diffs, member_count: refreshed.member_count, emitted: events.emitted })
})
