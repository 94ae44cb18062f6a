import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { ReverseEarnedInput } from "../../../modules/loyalty-points/types"

/**
 * Reverses earned points of lots in proportion to the refunded amounts, each (source, lot) once.
 * It is the last write of its workflows and runs in one database transaction, so a failure leaves
 * nothing half done and there is nothing to compensate.
 */
export const reverseLotsStep = createStep("reverse-lots", async (input: ReverseEarnedInput, { container }) => {
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const points = await loyalty.reverseEarnedPoints(input)
  return new StepResponse({ points })
})
