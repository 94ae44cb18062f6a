import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { ReverseOrderPointsInput } from "../../../modules/loyalty-points/types"

/**
 * Reverses an order's points up to what its state calls for, each (cause, lot) once. It is the
 * last write of its workflow and runs in one database transaction, so a failure leaves nothing
 * half done and there is nothing to compensate.
 */
export const reverseOrderPointsStep = createStep("reverse-order-points", async (input: ReverseOrderPointsInput, { container }) => {
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  return new StepResponse(await loyalty.reverseOrderPoints(input))
})
