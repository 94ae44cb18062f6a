import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { trainPropensityModelWorkflow } from "../../../../../../workflows/insights/train-propensity-model"
import { refetchPropensityModel } from "../../helpers"

/** Retrains the model on today's facts and re-scores everyone. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchPropensityModel(req.scope, req.params.id)
  await trainPropensityModelWorkflow(req.scope).run({ input: { model_id: req.params.id } })
  res.json({ propensity_model: await refetchPropensityModel(req.scope, req.params.id) })
}
