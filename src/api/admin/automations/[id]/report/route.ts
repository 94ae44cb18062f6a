import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUTOMATIONS_MODULE } from "../../../../../modules/automations"
import type AutomationsModuleService from "../../../../../modules/automations/service"
import { refetchAutomation } from "../../helpers"

/**
 * The automation's report: entered (treated / holdout), in progress, exited by reason, messages,
 * step outcomes, conversions and revenue within its attribution window, treated vs holdout lift.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const automation = await refetchAutomation(req.scope, req.params.id, ["id", "attribution_days"])
  const report = await req.scope
    .resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
    .reportAutomation({ id: automation.id, attribution_days: automation.attribution_days })
  res.json({ report })
}
