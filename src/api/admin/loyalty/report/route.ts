import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_POINTS_MODULE } from "../../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../../modules/loyalty-points/service"
import type { AdminLoyaltyReportParamsType } from "./validators"

/** Points issued / redeemed / expired / reversed per period, and the outstanding liability per currency. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminLoyaltyReportParamsType>, res: MedusaResponse) => {
  const { from, to, interval } = req.validatedQuery
  const report = await req.scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).pointsReport({ from, to, interval })
  res.json({ from, to, interval, ...report })
}
