import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"
import type { PropensityTarget } from "../../../modules/insights/types"

export type CreatePropensityModelInput = { name: string; target: PropensityTarget; target_product_ids: string[]; horizon_days: number }

/** Stores a new (untrained) propensity model; the compensation deletes it. */
export const createPropensityModelStep = createStep(
  "create-propensity-model",
  async (input: CreatePropensityModelInput, { container }) => {
    const created = await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).createPropensityModels({ ...input, status: "pending" })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).deletePropensityModels([id])
  }
)
