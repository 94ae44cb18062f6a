import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type SegmentsModuleService from "../../../modules/segments/service"

/**
 * Removes deleted segments' memberships. The last step of a deletion: memberships are derived,
 * and a restored segment rebuilds them with a refresh, so there is nothing to compensate.
 */
export const deleteSegmentMembershipsStep = createStep("delete-segment-memberships", async (ids: string[], { container }) => {
  await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).deleteMemberships({ segment_ids: ids })
  return new StepResponse(ids)
})
