import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteSegmentMembershipsStep } from "./steps/delete-segment-memberships"
import { deleteSegmentsStep } from "./steps/delete-segments"

export const deleteSegmentsWorkflowId = "delete-segments"

/** Deletes segments no other segment refers to, then their memberships; their customer groups stay. */
export const deleteSegmentsWorkflow = createWorkflow(deleteSegmentsWorkflowId, (input: { ids: string[] }) => {
  const deleted = deleteSegmentsStep(input.ids)
  deleteSegmentMembershipsStep(deleted)
  return new WorkflowResponse(deleted)
})
