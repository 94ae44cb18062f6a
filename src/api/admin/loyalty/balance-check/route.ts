import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_POINTS_MODULE } from "../../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../../modules/loyalty-points/service"
import type { AdminLoyaltyBalanceCheckParamsType } from "./validators"

/** Proves the cached balances against the ledger and the lots; lists the accounts that disagree. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminLoyaltyBalanceCheckParamsType>,
  res: MedusaResponse
) => {
  const loyalty = req.scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const mismatches = await loyalty.verifyBalances({ customer_ids: req.validatedQuery.customer_id })
  res.json({ ok: mismatches.length === 0, mismatches })
}
