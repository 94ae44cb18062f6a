import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"

/** Records the segment made of a model's top customers; the compensation puts the previous one back. */
export const linkPropensitySegmentStep = createStep(
  "link-propensity-segment",
  async (input: { model_id: string; segment_id: string }, { container }) => {
    const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
    const before = await insights.retrievePropensityModel(input.model_id, { select: ["id", "segment_id"] })
    await insights.updatePropensityModels({ id: input.model_id, segment_id: input.segment_id })
    return new StepResponse(input, { id: input.model_id, segment_id: before.segment_id })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).updatePropensityModels(previous)
  }
)
