import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { EarnEntry } from "../../../modules/loyalty-points/utils/earn-calculation"

export type CreditOrderPointsInput = {
  /** Orders without a customer earn nothing. */
  customer_id: string | null
  order_id: string
  currency_code: string
  placed_at: Date
  entries: EarnEntry[]
}

/**
 * Credits an order's points as pending lots, one per line. Entries already recorded (a replayed
 * event) are skipped. Compensation reverses exactly the lots this run created.
 */
export const creditOrderPointsStep = createStep(
  "credit-order-points",
  async (input: CreditOrderPointsInput, { container }) => {
    if (!input.customer_id || !input.entries.length) {
      return new StepResponse({ transaction_ids: [] as string[], points: 0 }, [] as string[])
    }
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const transactionIds = await loyalty.creditPoints({
      customer_id: input.customer_id,
      type: "earn",
      occurred_at: new Date(input.placed_at),
      entries: input.entries.map((e) => ({ ...e, order_id: input.order_id, currency_code: input.currency_code })),
    })
    const recorded = transactionIds.length
      ? await loyalty.listPointsTransactions({ id: transactionIds }, { select: ["points"] })
      : []
    const points = recorded.reduce((s, t) => s + t.points, 0)
    return new StepResponse({ transaction_ids: transactionIds, points }, transactionIds)
  },
  async (transactionIds, { container }) => {
    if (!transactionIds?.length) {
      return
    }
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const lots = await loyalty.listPointsLots({ transaction_id: transactionIds })
    await loyalty.reverseEarnedPoints({
      source_key: `compensate:${transactionIds[0]}`,
      reversals: lots.map((l) => ({ lot_id: l.id, refunded_amount: l.base_amount ?? 0 })),
      reason: "earning rolled back",
    })
  }
)
