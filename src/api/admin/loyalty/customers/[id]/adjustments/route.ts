import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_POINTS_MODULE } from "../../../../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../../../../modules/loyalty-points/service"
import { adjustPointsWorkflow } from "../../../../../../workflows/loyalty-points/adjust-points"
import type { AdminAdjustPointsType } from "../../validators"

/** Credits (points > 0) or debits (points < 0) a customer's points by hand, with a reason. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAdjustPointsType>, res: MedusaResponse) => {
  const customerId = req.params.id
  const { points, reason, idempotency_key } = req.validatedBody
  const { result } = await adjustPointsWorkflow(req.scope).run({
    input: { customer_id: customerId, points, reason, idempotency_key, actor_id: req.auth_context.actor_id },
  })
  const loyalty = req.scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const balance = await loyalty.retrieveBalance(customerId)
  res.json({ transaction_id: result.transaction_id, balance })
}
