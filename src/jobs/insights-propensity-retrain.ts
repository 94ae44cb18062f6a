import type { MedusaContainer } from "@medusajs/framework/types"
import { INSIGHTS_MODULE } from "../modules/insights"
import type InsightsModuleService from "../modules/insights/service"
import { trainPropensityModelWorkflow } from "../workflows/insights/train-propensity-model"

/** Weekly, on the worker: every trained propensity model retrained and re-scored on the latest facts (its segment follows). */
export default async function insightsPropensityRetrain(container: MedusaContainer) {
  const models = await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).listPropensityModels({ status: "completed" }, { select: ["id"] })
  for (const model of models) {
    await trainPropensityModelWorkflow(container).run({ input: { model_id: model.id } })
  }
}

export const config = { name: "insights-propensity-retrain", schedule: "30 4 * * 0" }
