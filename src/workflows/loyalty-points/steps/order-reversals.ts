import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { LotReversal } from "../../../modules/loyalty-points/types"
import { returnedQuantities } from "../returned-quantities"

export type OrderReversalsInput = {
  order_id: string
  /** The received return whose lines to reverse; omitted → the whole order (cancellation). */
  return_id?: string
}

/**
 * Which lots of an order to reverse and for what amount: all of them for a cancellation; for a
 * return, each returned line's lot in proportion to the quantity returned (read only).
 */
export const orderReversalsStep = createStep(
  "order-reversals",
  async (input: OrderReversalsInput, { container }): Promise<StepResponse<{ customer_id: string | null; reversals: LotReversal[] }>> => {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const lots = await loyalty.listPointsLots({ order_id: input.order_id })
    const [first] = lots.length ? await loyalty.listLoyaltyAccounts({ id: lots[0].account_id }) : []
    const returned = input.return_id ? await returnedQuantities(container, input.return_id) : null
    const reversals: LotReversal[] = []
    for (const lot of lots) {
      if (!returned) {
        reversals.push({ lot_id: lot.id, refunded_amount: String(lot.base_amount ?? 0) })
        continue
      }
      const quantity = returned.get(lot.line_item_id ?? "") ?? 0
      if (quantity > 0 && lot.quantity) {
        const share = MathBN.div(MathBN.mult(lot.base_amount ?? 0, Math.min(quantity, lot.quantity)), lot.quantity)
        reversals.push({ lot_id: lot.id, refunded_amount: share.toString() })
      }
    }
    return new StepResponse({ customer_id: first?.customer_id ?? null, reversals })
  }
)

