import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSIGHTS_MODULE } from "../../../../../../modules/insights"
import type InsightsModuleService from "../../../../../../modules/insights/service"
import type { AdminUpgradeOwnersParamsType } from "../../../validators"
import { refetchUpgradePath } from "../../../helpers"

/** Owners of the predecessor without the successor: how many, and a page of them (keyset by customer id). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminUpgradeOwnersParamsType>, res: MedusaResponse) => {
  await refetchUpgradePath(req.scope, req.params.id)
  const { limit, after } = req.validatedQuery
  const { customers, count } = await req.scope
    .resolve<InsightsModuleService>(INSIGHTS_MODULE)
    .listUpgradeOwners({ upgrade_path_id: req.params.id, limit, after })
  res.json({ customers, count, limit, next_after: customers.length === limit ? customers[customers.length - 1].customer_id : null })
}
