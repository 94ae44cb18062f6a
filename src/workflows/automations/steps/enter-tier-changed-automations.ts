import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { enterAutomation } from "./enter-automation"

export type TierChangedInput = { customer_id: string; from_tier_id: string | null; to_tier_id: string | null; now?: Date | string }

/**
 * The tier-changed trigger: a customer moved from one loyalty tier to another (or to or from none).
 * Automations filtered to a tier take only moves into it; filtered to a direction, only moves up
 * (higher rank, or from no tier) or down. Keyed by the account's `tier_changed_at`, so the same
 * event twice starts one journey; a stale event (the account has moved on since) starts nothing.
 */
export const enterTierChangedAutomationsStep = createStep("enter-tier-changed-automations", async (input: TierChangedInput, { container }) => {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const now = input.now ? new Date(input.now) : new Date()
  const targets = await automations.listAutomationRows({ trigger_type: "tier_changed", active_only: true })
  if (!targets.length) return new StepResponse({ started: 0 })
  const [account] = await loyalty.listLoyaltyAccounts({ customer_id: input.customer_id }, { select: ["tier_id", "tier_changed_at"] })
  if (!account?.tier_changed_at || (account.tier_id ?? null) !== (input.to_tier_id ?? null)) return new StepResponse({ started: 0 })
  const tierIds = [input.from_tier_id, input.to_tier_id].filter((id): id is string => !!id)
  const tiers = tierIds.length ? await loyalty.listLoyaltyTiers({ id: tierIds }, { select: ["id", "rank"] }) : []
  const rank = (id: string | null) => (id ? tiers.find((t) => t.id === id)?.rank ?? -1 : -Infinity)
  const direction = rank(input.to_tier_id) > rank(input.from_tier_id) ? "up" : "down"
  const entry = {
    customer_id: input.customer_id,
    entry_key: `tier:${input.customer_id}:${new Date(account.tier_changed_at).getTime()}`,
    context: { from_tier_id: input.from_tier_id, to_tier_id: input.to_tier_id, direction },
  }
  let started = 0
  for (const automation of targets) {
    if (automation.trigger.type !== "tier_changed") continue
    if (automation.trigger.tier_id && automation.trigger.tier_id !== input.to_tier_id) continue
    if (automation.trigger.direction && automation.trigger.direction !== direction) continue
    started += await enterAutomation(container, automation, [entry], now)
  }
  return new StepResponse({ started })
})
