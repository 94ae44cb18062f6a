import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { enterAutomation } from "./enter-automation"

export type ReferralConvertedInput = { referral_id: string; now?: Date | string }

/**
 * The referral-converted trigger: a referee's first order rewarded the referral; the referrer (or
 * the referee, per the trigger's `side`) enters, keyed by the referral, so it happens once per
 * referral. A referral voided since (its order canceled) starts nothing.
 */
export const enterReferralAutomationsStep = createStep("enter-referral-automations", async (input: ReferralConvertedInput, { container }) => {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const now = input.now ? new Date(input.now) : new Date()
  const targets = await automations.listAutomationRows({ trigger_type: "referral_converted", active_only: true })
  if (!targets.length) return new StepResponse({ started: 0 })
  const [referral] = await container
    .resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    .listReferrals({ id: input.referral_id, status: "rewarded" }, { select: ["id", "referrer_customer_id", "referee_customer_id", "order_id"] })
  if (!referral) return new StepResponse({ started: 0 })
  let started = 0
  for (const automation of targets) {
    if (automation.trigger.type !== "referral_converted") continue
    const side = automation.trigger.side ?? "referrer"
    const customer_id = side === "referee" ? referral.referee_customer_id : referral.referrer_customer_id
    started += await enterAutomation(
      container,
      automation,
      [{ customer_id, entry_key: `referral:${referral.id}`, context: { referral_id: referral.id, order_id: referral.order_id, side } }],
      now
    )
  }
  return new StepResponse({ started })
})
