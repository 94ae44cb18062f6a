import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { createSegmentWorkflow } from "../segments/create-segment"
import { linkPropensitySegmentStep } from "./steps/link-propensity-segment"

export type CreatePropensitySegmentWorkflowInput = { model_id: string; name: string; top_k?: number; min_score?: number }

export const createPropensitySegmentWorkflowId = "create-propensity-segment"

/**
 * Saves a segment of a model's top K customers (and/or those scoring at least `min_score`) that a
 * campaign can target: a `propensity` condition, so it follows the model when it is retrained.
 */
export const createPropensitySegmentWorkflow = createWorkflow(createPropensitySegmentWorkflowId, (input: WorkflowData<CreatePropensitySegmentWorkflowInput>) => {
  const segment = createSegmentWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      name: input.name,
      description: `Top customers of propensity model ${input.model_id}`,
      definition: { field: "propensity" as const, model_id: input.model_id, top_k: input.top_k, min_score: input.min_score },
      is_live: true,
    })),
  })
  linkPropensitySegmentStep(transform({ input, segment }, ({ input, segment }) => ({ model_id: input.model_id, segment_id: segment.id })))
  return new WorkflowResponse(segment)
})
