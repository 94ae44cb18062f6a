import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"

/** Marks a model as waiting for training; the compensation puts its status and failure back. */
export const markPropensityPendingStep = createStep(
  "mark-propensity-pending",
  async (input: { model_id: string }, { container }) => {
    const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
    const before = await insights.retrievePropensityModel(input.model_id, { select: ["id", "status", "failure"] })
    await insights.updatePropensityModels({ id: input.model_id, status: "pending", failure: null })
    return new StepResponse(input, { id: before.id, status: before.status, failure: before.failure })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).updatePropensityModels(previous)
  }
)
