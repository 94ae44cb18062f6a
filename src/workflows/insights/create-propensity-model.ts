import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { InsightsEvents } from "../../modules/insights/events"
import type { PropensityTarget } from "../../modules/insights/types"
import { createPropensityModelStep } from "./steps/create-propensity-model"
import { resolvePropensityTargetStep } from "./steps/resolve-propensity-target"

export type CreatePropensityModelWorkflowInput = { name: string; target: PropensityTarget; horizon_days: number }

export const createPropensityModelWorkflowId = "create-propensity-model"

/**
 * Defines a propensity model (target resolved to products) and asks the worker to train,
 * evaluate and score it (minutes at a large store: not in the request).
 */
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
  emitEventStep({ eventName: InsightsEvents.PROPENSITY_TRAINING_REQUESTED, data: transform({ model }, ({ model }) => ({ id: model.id })) })
  return new WorkflowResponse(model)
})
