import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_POINTS_MODULE } from "../../../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../../../modules/loyalty-points/service"
import { registerReferralWorkflow } from "../../../../../workflows/loyalty-points/register-referral"
import type { StoreRegisterReferralType } from "../../validators"

/** The logged-in customer's code to share, and how many friends it has rewarded. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const loyalty = req.scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const customerId = req.auth_context.actor_id
  const code = await loyalty.referralCodeFor(customerId)
  const [, rewarded] = await loyalty.listAndCountReferrals({ referrer_customer_id: customerId, status: "rewarded" })
  const { referrerPoints, refereePoints } = loyalty.getLoyaltyOptions().referral
  res.json({ referral: { code, rewarded, referrer_points: referrerPoints, referee_points: refereePoints } })
}

/** Registers a friend's code for the logged-in customer (before their first order). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRegisterReferralType>, res: MedusaResponse) => {
  const { result } = await registerReferralWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, code: req.validatedBody.code },
  })
  res.json({ referral_id: result.referral_id })
}
