import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { TierChange } from "../../../modules/loyalty-points/types"

export type EvaluateTiersInput = { customer_ids?: string[]; now?: Date | string; page_size?: number }

/**
 * Re-evaluates tiers (the given customers, or every account page by page) and moves the customers
 * whose tier changed between the tiers' Medusa customer groups, so native price lists and
 * promotions follow. Compensation puts the previous tiers and groups back.
 */
export const evaluateTiersStep = createStep(
  "evaluate-tiers",
  async (input: EvaluateTiersInput, { container }) => {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const changes: TierChange[] = []
    if (input.customer_ids) {
      changes.push(...(await loyalty.evaluateTiers({ customer_ids: input.customer_ids, now })).changes)
    } else {
      let after: string | undefined
      for (;;) {
        const page = await loyalty.evaluateTiers({ after, limit: input.page_size ?? 1000, now })
        changes.push(...page.changes)
        if (!page.last_account_id) break
        after = page.last_account_id
      }
    }
    await syncTierGroups(container, loyalty, changes)
    return new StepResponse({ changes }, changes)
  },
  async (changes, { container }) => {
    if (!changes?.length) {
      return
    }
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const undo = changes.map((c) => ({ customer_id: c.customer_id, from_tier_id: c.to_tier_id, to_tier_id: c.from_tier_id }))
    for (const c of undo) {
      const [account] = await loyalty.listLoyaltyAccounts({ customer_id: c.customer_id })
      await loyalty.updateLoyaltyAccounts({ id: account.id, tier_id: c.to_tier_id })
    }
    await syncTierGroups(container, loyalty, undo)
  }
)

async function syncTierGroups(container: MedusaContainer, loyalty: LoyaltyPointsModuleService, changes: TierChange[]) {
  if (!changes.length) {
    return
  }
  const tiers = await loyalty.listLoyaltyTiers({}, { withDeleted: true })
  const groupOf = (tierId: string | null) => tiers.find((t) => t.id === tierId)?.customer_group_id ?? null
  const remove = changes
    .filter((c) => groupOf(c.from_tier_id))
    .map((c) => ({ customer_id: c.customer_id, customer_group_id: groupOf(c.from_tier_id)! }))
  const add = changes
    .filter((c) => groupOf(c.to_tier_id))
    .map((c) => ({ customer_id: c.customer_id, customer_group_id: groupOf(c.to_tier_id)! }))
  const customers = container.resolve(Modules.CUSTOMER)
  if (remove.length) {
    await customers.removeCustomerFromGroup(remove)
  }
  if (add.length) {
    const existing = await customers.listCustomerGroupCustomers({ customer_id: add.map((a) => a.customer_id) })
    const have = new Set(existing.map((e) => `${e.customer_id}|${e.customer_group_id}`))
    const missing = add.filter((a) => !have.has(`${a.customer_id}|${a.customer_group_id}`))
    if (missing.length) {
      await customers.addCustomerToGroup(missing)
    }
  }
}
