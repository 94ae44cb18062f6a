import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

/** A canceled order's redeemed points go back to the lots they came from (once). Single write: nothing to compensate. */
export const restoreOrderRedemptionStep = createStep("restore-order-redemption", async (input: { order_id: string }, { container }) => {
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const restored = await loyalty.restoreDebit({
    debit_idempotency_key: `redeem:${input.order_id}`,
    idempotency_key: `restore:redeem:${input.order_id}`,
    reason: "order canceled",
  })
  return new StepResponse({
    transaction_id: restored?.transaction_id ?? null,
    customer_ids: restored?.recorded ? [restored.customer_id] : [],
  })
})
