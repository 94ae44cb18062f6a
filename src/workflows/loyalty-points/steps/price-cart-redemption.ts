import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { priceRedemption } from "../../../modules/loyalty-points/utils/redemption"

export type PriceCartRedemptionInput = {
  cart: { id: string; customer_id: string | null; currency_code: string; item_subtotal: unknown; completed_at: unknown } | undefined
  customer_id: string
  points: number
}

/**
 * Checks the cart belongs to the logged-in customer and is still open (else 404: another
 * customer's cart does not exist for them) and prices the points under the merchant's limits.
 */
export const priceCartRedemptionStep = createStep("price-cart-redemption", async (input: PriceCartRedemptionInput, { container }) => {
  const cart = input.cart
  if (!cart || cart.customer_id !== input.customer_id || cart.completed_at) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${cart?.id ?? ""}" not found`)
  }
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const options = loyalty.getLoyaltyOptions().redemption
  const { amount } = priceRedemption(options, {
    points: input.points,
    currency_code: cart.currency_code,
    item_subtotal: String(cart.item_subtotal ?? 0),
  })
  const expires_at = new Date(Date.now() + options.holdHours * 3_600_000)
  return new StepResponse({ cart_id: cart.id, currency_code: cart.currency_code, amount, expires_at })
})
