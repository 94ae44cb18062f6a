import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestPropensityTrainingWorkflow } from "../../../../../../workflows/insights/request-propensity-training"
import { refetchPropensityModel } from "../../helpers"

/** Asks the worker to retrain the model on today's facts and re-score everyone (202, `pending`). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchPropensityModel(req.scope, req.params.id)
  await requestPropensityTrainingWorkflow(req.scope).run({ input: { model_id: req.params.id } })
  res.status(202).json({ propensity_model: await refetchPropensityModel(req.scope, req.params.id) })
}
