import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_POINTS_MODULE } from "../../../../../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../../../../../modules/loyalty-points/service"
import { redeemPointsOnCartWorkflow } from "../../../../../../../workflows/loyalty-points/redeem-points-on-cart"
import { removeCartRedemptionWorkflow } from "../../../../../../../workflows/loyalty-points/remove-cart-redemption"
import type { StoreRedeemPointsType } from "../../../../validators"

/** Redeems points on the logged-in customer's cart (replacing an earlier redemption on it). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRedeemPointsType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const { result } = await redeemPointsOnCartWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: customerId, points: req.validatedBody.points },
  })
  const balance = await req.scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).retrieveBalance(customerId)
  res.json({ redemption: result, balance })
}

/** Takes the redemption off the cart; the points are available again. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const { result } = await removeCartRedemptionWorkflow(req.scope).run({ input: { cart_id: req.params.id, customer_id: customerId } })
  const balance = await req.scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).retrieveBalance(customerId)
  res.json({ removed: !!result, balance })
}
