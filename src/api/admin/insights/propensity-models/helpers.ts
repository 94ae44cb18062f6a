import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { INSIGHTS_MODULE } from "../../../../modules/insights"
import type InsightsModuleService from "../../../../modules/insights/service"

export const PROPENSITY_MODEL_FIELDS = [
  "id", "name", "target", "target_product_ids", "horizon_days", "status", "failure", "auc", "lift_top_decile", "train_rows", "train_positives",
  "holdout_rows", "holdout_positives", "scored_count", "cut_at", "trained_at", "segment_id", "features", "weights", "created_at", "updated_at",
]

/** One propensity model, NOT_FOUND when there is none. */
export async function refetchPropensityModel(scope: MedusaContainer, id: string) {
  const [model] = await scope.resolve<InsightsModuleService>(INSIGHTS_MODULE).listPropensityModels({ id }, { select: PROPENSITY_MODEL_FIELDS })
  if (!model) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Propensity model with id "${id}" not found`)
  }
  return { ...model, library: "ml-logistic-regression" }
}
