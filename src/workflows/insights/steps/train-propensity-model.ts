import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"

/**
 * Trains, evaluates and scores a propensity model (see the service); a model that could not be
 * fitted is marked failed with the reason. The scores replace the model's previous ones whole, and
 * a rerun rebuilds them from the facts: nothing to compensate.
 */
export const trainPropensityModelStep = createStep("train-propensity-model", async (input: { model_id: string; now?: Date | string }, { container }) => {
  const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
  await insights.updatePropensityModels({ id: input.model_id, status: "running" })
  let result: Awaited<ReturnType<InsightsModuleService["trainPropensityModel"]>>
  try {
    // A workflow's input reaches its steps serialised: a Date arrives as its ISO string.
    result = await insights.trainPropensityModel({ model_id: input.model_id, now: input.now ? new Date(input.now) : undefined })
  } catch (error) {
    // The training's transaction rolled back; the model must not stay "running".
    await insights.updatePropensityModels({ id: input.model_id, status: "failed", failure: (error as Error).message })
    throw error
  }
  if (result.status === "failed") {
    await insights.updatePropensityModels({ id: input.model_id, status: "failed", failure: result.failure })
  }
  return new StepResponse(result)
})
