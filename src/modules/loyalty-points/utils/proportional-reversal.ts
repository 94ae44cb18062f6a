import { MathBN } from "@medusajs/framework/utils"

/**
 * Points to take back from a lot for a refunded amount: the lot's points in proportion to the
 * refunded share of the amount they were earned on (so at the rate in force when earned), rounded
 * to whole points, never more than what is left to reverse. Two partial refunds whose amounts add
 * up to the whole line reverse exactly the lot's points.
 */
export function pointsToReverse(
  lot: { points: number; base_amount: string | number | null },
  alreadyReversed: number,
  refundedSoFar: string | number,
  refundedNow: string | number
): number {
  const left = lot.points - alreadyReversed
  if (left <= 0) {
    return 0
  }
  const base = MathBN.convert(lot.base_amount ?? 0)
  if (base.lte(0)) {
    return left
  }
  // Reverse up to the cumulative share, so rounding never drifts over several partial refunds.
  const cumulative = MathBN.min(MathBN.add(refundedSoFar, refundedNow), base)
  const target = MathBN.div(MathBN.mult(lot.points, cumulative), base)
    .decimalPlaces(0, 4) // ROUND_HALF_UP
    .toNumber()
  return Math.max(0, Math.min(left, target - alreadyReversed))
}
