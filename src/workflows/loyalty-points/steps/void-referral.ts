import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

/** The referral's qualifying order was canceled: void it and take both sides' points back (single write). */
export const voidReferralStep = createStep("void-referral", async (input: { order_id: string }, { container }) => {
  const referralId = await container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).voidReferral(input)
  return new StepResponse({ referral_id: referralId })
})
