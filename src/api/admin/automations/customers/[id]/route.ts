import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUTOMATIONS_MODULE } from "../../../../../modules/automations"
import type AutomationsModuleService from "../../../../../modules/automations/service"

/** The automations a customer is in or was in, and the step each journey is at (the customer page). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const journeys = await req.scope.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).listCustomerJourneys({ customer_id: req.params.id })
  res.json({ journeys })
}
