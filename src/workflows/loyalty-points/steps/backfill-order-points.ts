import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { CreditEntry } from "../../../modules/loyalty-points/types"
import { computeOrderEarn } from "../../../modules/loyalty-points/utils/earn-calculation"
import { ORDER_EARN_FIELDS, toEarnOrder, type OrderGraph } from "../order-earn-input"

export type BackfillOrderPointsInput = {
  /** Only orders placed at or after this time; default: all. */
  since?: Date | string | null
  page_size?: number
}

/**
 * Earns points for orders placed before the plugin was installed (or imported without events):
 * pages through orders by id, applies the earn rules in force at each order's time, and credits
 * a page's lines in one ledger transaction (set-based, with the rules of a single credit).
 * Idempotent (`earn:<order>:<line>` keys), so it can be rerun or resumed; nothing to compensate.
 * Returns the customers whose balance changed.
 */
export const backfillOrderPointsStep = createStep(
  "backfill-order-points",
  async (input: BackfillOrderPointsInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const rules = await loyalty.listEarnRules({ is_active: true })
    const pageSize = input.page_size ?? 500
    let after = ""
    let orders = 0
    let lines = 0
    const customerIds = new Set<string>()
    for (;;) {
      const filters: Record<string, unknown> = { id: { $gt: after }, customer_id: { $ne: null } }
      if (input.since) {
        filters.created_at = { $gte: new Date(input.since) }
      }
      const { data } = await query.graph({
        entity: "order",
        fields: ORDER_EARN_FIELDS,
        filters,
        pagination: { take: pageSize, order: { id: "ASC" } },
      })
      if (!data.length) {
        break
      }
      // One ledger transaction per page: every customer's lines of the page, written set-based.
      const byCustomer = new Map<string, CreditEntry[]>()
      for (const order of data as OrderGraph[]) {
        const earn = computeOrderEarn(rules, toEarnOrder(order))
        if (earn.entries.length && order.customer_id) {
          const entries = byCustomer.get(order.customer_id) ?? []
          for (const e of earn.entries) {
            entries.push({ ...e, order_id: order.id, currency_code: order.currency_code, occurred_at: new Date(order.created_at) })
          }
          byCustomer.set(order.customer_id, entries)
        }
      }
      const credited = await loyalty.creditPointsInBulk(
        [...byCustomer].map(([customer_id, entries]) => ({ customer_id, type: "earn" as const, entries }))
      )
      for (const c of credited) {
        lines += c.transaction_ids.length
        if (c.transaction_ids.length) {
          customerIds.add(c.customer_id)
        }
      }
      orders += data.length
      after = data[data.length - 1].id
    }
    return new StepResponse({ orders, lines, customer_ids: [...customerIds] })
  }
)
