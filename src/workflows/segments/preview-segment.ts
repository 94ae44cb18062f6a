import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SegmentNode } from "../../modules/segments/definition/schema"
import { previewSegmentDefinitionStep } from "./steps/preview-segment-definition"
import { resolveSegmentDefinitionStep } from "./steps/resolve-segment-definition"

export const previewSegmentWorkflowId = "preview-segment"

/** The live count and sample of an unsaved definition, as the builder asks while the admin types. */
export const previewSegmentWorkflow = createWorkflow(
  previewSegmentWorkflowId,
  (input: { definition: SegmentNode; sample_size?: number; segment_id?: string }) => {
    const resolved = resolveSegmentDefinitionStep(transform({ input }, ({ input }) => ({ definition: input.definition, segment_id: input.segment_id })))
    const preview = previewSegmentDefinitionStep(
      transform({ input, resolved }, ({ input, resolved }) => ({
        definition: input.definition,
        references: resolved.references,
        sample_size: input.sample_size,
      }))
    )
    return new WorkflowResponse(preview)
  }
)
