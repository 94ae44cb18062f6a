import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createPropensitySegmentWorkflow } from "../../../../../../workflows/insights/create-propensity-segment"
import type { AdminCreatePropensitySegmentType } from "../../../validators"
import { refetchPropensityModel } from "../../helpers"

/** Saves the model's top K (or those above a score) as a segment a campaign can target. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePropensitySegmentType>, res: MedusaResponse) => {
  const model = await refetchPropensityModel(req.scope, req.params.id)
  if (model.status !== "completed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Propensity model ${model.id} is ${model.status}: train it before making a segment of it`)
  }
  const { top_k, min_score, name } = req.validatedBody
  const { result } = await createPropensitySegmentWorkflow(req.scope).run({
    input: { model_id: model.id, top_k, min_score, name: name ?? `${model.name}: top ${top_k ?? `score ≥ ${min_score}`}` },
  })
  res.status(201).json({ segment: result })
}
