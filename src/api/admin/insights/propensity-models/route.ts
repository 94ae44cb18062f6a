import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSIGHTS_MODULE } from "../../../../modules/insights"
import type InsightsModuleService from "../../../../modules/insights/service"
import { createPropensityModelWorkflow } from "../../../../workflows/insights/create-propensity-model"
import type { AdminCreatePropensityModelType } from "../validators"
import { PROPENSITY_MODEL_FIELDS, refetchPropensityModel } from "./helpers"

/** Propensity models, newest first, with their held-out AUC and lift. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [models, count] = await req.scope
    .resolve<InsightsModuleService>(INSIGHTS_MODULE)
    .listAndCountPropensityModels({}, { select: PROPENSITY_MODEL_FIELDS, order: { created_at: "DESC" }, take: 100 })
  res.json({ propensity_models: models, count })
}

/**
 * Defines a model (202, `pending`); the worker trains, evaluates and scores it (`completed`, or
 * `failed` with the reason when it cannot learn).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePropensityModelType>, res: MedusaResponse) => {
  const { result } = await createPropensityModelWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(202).json({ propensity_model: await refetchPropensityModel(req.scope, result.id) })
}
