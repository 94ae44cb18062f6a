import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

/** Carts whose points hold outlived `holdHours` (abandoned carts), oldest first (read only). */
export const findExpiredHoldsStep = createStep("find-expired-holds", async (input: { now?: Date | string; limit?: number }, { container }) => {
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const holds = await loyalty.listPointsHolds(
    { status: "held", expires_at: { $lte: input.now ? new Date(input.now) : new Date() } },
    { take: input.limit ?? 500, order: { expires_at: "ASC" }, select: ["cart_id"] }
  )
  return new StepResponse(holds.map((h) => h.cart_id))
})
