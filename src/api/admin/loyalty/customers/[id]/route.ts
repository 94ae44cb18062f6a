import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_POINTS_MODULE } from "../../../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../../../modules/loyalty-points/service"
import { assertCustomerExists } from "../helpers"
import { ADMIN_POINTS_LOT_FIELDS } from "../query-config"

/** A customer's points: balance, the open lots (first-expiring first) and tier. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.params.id
  await assertCustomerExists(req.scope, customerId)
  const loyalty = req.scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const [balance, [account]] = await Promise.all([
    loyalty.retrieveBalance(customerId),
    loyalty.listLoyaltyAccounts({ customer_id: customerId }, { select: ["id"], take: 1 }),
  ])
  const lots = account
    ? await loyalty.listPointsLots(
        { account_id: account.id, remaining: { $gt: 0 } },
        { select: [...ADMIN_POINTS_LOT_FIELDS], order: { expires_at: "ASC", earned_at: "ASC", id: "ASC" } }
      )
    : []
  res.json({
    customer_id: customerId,
    balance,
    // Picked explicitly: the list also returns the bigNumber's raw_rate.
    lots: lots.map((lot) => ({
      id: lot.id,
      points: lot.points,
      remaining: lot.remaining,
      earned_at: lot.earned_at,
      available_at: lot.available_at,
      expires_at: lot.expires_at,
      rate: lot.rate,
      order_id: lot.order_id,
    })),
    tier: null,
  })
}
