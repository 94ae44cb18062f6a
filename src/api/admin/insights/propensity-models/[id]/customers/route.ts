import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSIGHTS_MODULE } from "../../../../../../modules/insights"
import type InsightsModuleService from "../../../../../../modules/insights/service"
import type { AdminPropensityCustomersParamsType } from "../../../validators"
import { refetchPropensityModel } from "../../helpers"

/** The model's ranking, most likely first, paged. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPropensityCustomersParamsType>, res: MedusaResponse) => {
  const model = await refetchPropensityModel(req.scope, req.params.id)
  const { limit, offset } = req.validatedQuery
  const customers = await req.scope
    .resolve<InsightsModuleService>(INSIGHTS_MODULE)
    .listPropensityScores({ model_id: model.id }, { select: ["customer_id", "score", "rank"], order: { rank: "ASC" }, skip: offset, take: limit })
  res.json({ customers, count: model.scored_count, limit, offset })
}
