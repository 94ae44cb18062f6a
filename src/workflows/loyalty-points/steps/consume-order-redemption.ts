import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

/**
 * When an order is placed from a cart with points held on it, the held points are redeemed
 * (`redeem:<order>`, once even if the event is replayed). It is its workflow's only write and runs
 * in one transaction: nothing to compensate.
 */
export const consumeOrderRedemptionStep = createStep("consume-order-redemption", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: input.order_id } })
  const cartId = data[0]?.cart?.id
  const none = new StepResponse({ transaction_id: null as string | null, customer_ids: [] as string[] })
  if (!cartId) {
    return none
  }
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const holds = await loyalty.listPointsHolds({ cart_id: cartId }, { order: { created_at: "DESC" } })
  const hold = holds.find((h) => h.status === "held") ?? holds.find((h) => h.status === "consumed" && h.order_id === input.order_id)
  if (!hold) {
    return none
  }
  const transactionId = await loyalty.consumeHold({ hold_id: hold.id, order_id: input.order_id })
  // A replayed order.placed finds the hold consumed already: the balance did not change again.
  return new StepResponse({ transaction_id: transactionId, customer_ids: transactionId && hold.status === "held" ? [hold.customer_id] : [] })
})
