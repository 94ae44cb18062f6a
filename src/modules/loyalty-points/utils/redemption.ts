import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { RedemptionOptions } from "../types"

/** What one point is worth in a currency (`default` for currencies not listed). */
export function valuePerPoint(options: Required<RedemptionOptions>, currencyCode: string): number {
  return options.valuePerPoint[currencyCode.toLowerCase()] ?? options.valuePerPoint.default ?? 0.01
}

/**
 * The discount `points` buy on a cart, after the merchant's limits: at least `minPoints`, in steps
 * of `step`, worth at most `maxPercentOfSubtotal` of the cart's item subtotal. Errors name `points`.
 */
export function priceRedemption(
  options: Required<RedemptionOptions>,
  input: { points: number; currency_code: string; item_subtotal: string | number }
): { amount: string; max_points: number } {
  const value = valuePerPoint(options, input.currency_code)
  const cap = MathBN.div(MathBN.mult(input.item_subtotal, options.maxPercentOfSubtotal), 100)
  const maxPoints = Math.floor(MathBN.div(cap, value).toNumber() / options.step) * options.step
  if (!Number.isInteger(input.points) || input.points <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `points must be a positive whole number; got ${input.points}`)
  }
  if (input.points < options.minPoints) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `points: at least ${options.minPoints} points must be redeemed`)
  }
  if (input.points % options.step !== 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `points must be a multiple of ${options.step}`)
  }
  if (input.points > maxPoints) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `points: at most ${maxPoints} points (${options.maxPercentOfSubtotal}% of the cart) can be redeemed on this cart`
    )
  }
  return { amount: MathBN.mult(input.points, value).decimalPlaces(2).toString(), max_points: maxPoints }
}
