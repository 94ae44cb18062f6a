import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { PropensityTarget } from "../../modules/insights/types"
import { createPropensityModelStep } from "./steps/create-propensity-model"
import { resolvePropensityTargetStep } from "./steps/resolve-propensity-target"
import { trainPropensityModelStep } from "./steps/train-propensity-model"

export type CreatePropensityModelWorkflowInput = { name: string; target: PropensityTarget; horizon_days: number; now?: Date }

export const createPropensityModelWorkflowId = "create-propensity-model"

/** Defines a propensity model (target resolved to products), then trains, evaluates and scores it. */
export const createPropensityModelWorkflow = createWorkflow(createPropensityModelWorkflowId, (input: WorkflowData<CreatePropensityModelWorkflowInput>) => {
  const productIds = resolvePropensityTargetStep(input.target)
  const model = createPropensityModelStep(
    transform({ input, productIds }, ({ input, productIds }) => ({
      name: input.name,
      target: input.target,
      target_product_ids: productIds,
      horizon_days: input.horizon_days,
    }))
  )
  const training = trainPropensityModelStep(transform({ model, input }, ({ model, input }) => ({ model_id: model.id, now: input.now })))
  return new WorkflowResponse({ model_id: model.id, training })
})
