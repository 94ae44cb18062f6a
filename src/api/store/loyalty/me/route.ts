import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_POINTS_MODULE } from "../../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../../modules/loyalty-points/service"

/** The logged-in customer's points balance. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const loyalty = req.scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const balance = await loyalty.retrieveBalance(req.auth_context.actor_id)
  res.json({ balance })
}
