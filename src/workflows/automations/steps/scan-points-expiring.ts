import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { enterAutomation } from "./enter-automation"

const PAGE = 1000

/**
 * The points-about-to-expire trigger: customers with points (not redeemed, not reversed) expiring
 * within the trigger's `days` enter, keyed by the UTC day of their first expiring lot, so the daily
 * job fires once per expiry date; the next lot's date is a new entry. Nothing to compensate.
 */
export async function scanPointsExpiring(container: MedusaContainer, input: { now?: Date } = {}): Promise<{ scanned: number; started: number }> {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const now = input.now ?? new Date()
  const result = { scanned: 0, started: 0 }
  for (const automation of await automations.listAutomationRows({ trigger_type: "points_expiring", active_only: true })) {
    if (automation.trigger.type !== "points_expiring") continue
    let after = ""
    for (;;) {
      const expiring = await loyalty.listExpiringPoints({ within_days: automation.trigger.days, now, after, limit: PAGE })
      if (!expiring.length) break
      result.scanned += expiring.length
      result.started += await enterAutomation(
        container,
        automation,
        expiring.map((e) => {
          const expiresOn = e.first_expiry.toISOString().slice(0, 10)
          return { customer_id: e.customer_id, entry_key: `points_expiring:${e.customer_id}:${expiresOn}`, context: { points: e.points, expires_at: e.first_expiry.toISOString() } }
        }),
        now
      )
      after = expiring[expiring.length - 1].customer_id
    }
  }
  return result
}

export const scanPointsExpiringStep = createStep("scan-points-expiring", async (input: { now?: Date | string }, { container }) => {
  return new StepResponse(await scanPointsExpiring(container, { now: input.now ? new Date(input.now) : undefined }))
})
