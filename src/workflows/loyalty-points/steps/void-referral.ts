import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { ReferralOutcome } from "./reward-referral"

/** The referral's qualifying order was canceled: void it and take both sides' points back (single write). */
export const voidReferralStep = createStep("void-referral", async (input: { order_id: string }, { container }) => {
  const referral = await container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).voidReferral(input)
  return new StepResponse<ReferralOutcome>({
    referral_id: referral?.id ?? null,
    customer_ids: referral ? [referral.referrer_customer_id, referral.referee_customer_id] : [],
  })
})
