import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchPropensityModel } from "../helpers"

/** One propensity model with its evaluation. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ propensity_model: await refetchPropensityModel(req.scope, req.params.id) })
}
