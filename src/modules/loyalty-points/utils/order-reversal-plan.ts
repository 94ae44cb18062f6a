import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/** One of the order's earn lots (a line's, or the shipping's when shipping earned). */
export type OrderEarnLot = {
  id: string
  points: number
  /** The currency amount the points were earned on (net of tax unless the rule included it). */
  base_amount: BigNumberInput | null
  /** null for the shipping lot. */
  line_item_id: string | null
  quantity: number | null
  /**
   * What the customer paid for what earned the lot, tax included, as placed (snapshotted on the
   * earn entry); null for lots earned before it was recorded, which count their base amount.
   */
  value: BigNumberInput | null
  /** Points already reversed from this lot, whatever the cause (uncollected ones included). */
  reversed: number
  /** This cause already reversed from this lot (a replay that meets a newer state): not again. */
  blocked?: boolean
}

/** What has happened to the order so far, as Medusa records it now. */
export type OrderReversalState = {
  canceled: boolean
  /** Units returned so far per order line (all the order's received returns). */
  returned_quantities: Record<string, number>
  /** Money refunded on the order so far, all payments together. */
  refunded_total: BigNumberInput
}

export type LotReversalTarget = { lot_id: string; points: number }

const half = (n: ReturnType<typeof MathBN.convert>) => n.decimalPlaces(0, 4).toNumber() // ROUND_HALF_UP

/**
 * Points to reverse now, per lot, so that the order's reversed points reach its target and never
 * pass it. The target is a share of each lot's points at the rate snapshotted on the lot:
 * everything for a cancellation, otherwise the larger of what was returned and what was refunded,
 * counted on the same earn basis — a return and the refund of the same goods (in either order)
 * cover each other, partial refunds add up and stop at the whole order. Returned lines keep their
 * own share; refunded money beyond the returned goods is spread over the rest of the order.
 *
 * The target depends only on the order's state, which only grows, so replaying any event (or
 * reading a state older than an event already applied) reverses nothing more. Points a lot took
 * beyond its own target (a refund spread before a return named the line) count toward the order's.
 */
export function planOrderReversal(lots: OrderEarnLot[], state: OrderReversalState): LotReversalTarget[] {
  const base = (lot: OrderEarnLot) => MathBN.max(MathBN.convert(lot.base_amount ?? 0), 0)
  const basis = lots.reduce((sum, lot) => MathBN.add(sum, base(lot)), MathBN.convert(0))
  const targets = new Map<string, number>()
  if (state.canceled || basis.lte(0)) {
    for (const lot of lots) {
      targets.set(lot.id, state.canceled ? lot.points : 0)
    }
  } else {
    const returnedOf = (lot: OrderEarnLot) => {
      const quantity = lot.line_item_id ? (state.returned_quantities[lot.line_item_id] ?? 0) : 0
      if (quantity <= 0 || !lot.quantity) {
        return MathBN.convert(0)
      }
      return MathBN.div(MathBN.mult(base(lot), Math.min(quantity, lot.quantity)), lot.quantity)
    }
    const returned = new Map(lots.map((lot) => [lot.id, returnedOf(lot)]))
    const returnedTotal = [...returned.values()].reduce((sum, r) => MathBN.add(sum, r), MathBN.convert(0))
    // The refunded share of what the earning parts of the order cost, taken of the earn basis.
    const value = lots.reduce((sum, lot) => MathBN.add(sum, lot.value ?? base(lot)), MathBN.convert(0))
    const refundedShare = value.gt(0) ? MathBN.min(MathBN.div(state.refunded_total, value), 1) : MathBN.convert(0)
    const refunded = MathBN.mult(basis, MathBN.max(refundedShare, 0))
    const target = MathBN.min(MathBN.max(returnedTotal, refunded), basis)
    const beyondReturned = MathBN.sub(target, returnedTotal)
    const unreturned = MathBN.sub(basis, returnedTotal)
    for (const lot of lots) {
      const r = returned.get(lot.id)!
      const spread = unreturned.gt(0) ? MathBN.div(MathBN.mult(beyondReturned, MathBN.sub(base(lot), r)), unreturned) : MathBN.convert(0)
      const amount = MathBN.add(r, spread)
      const points = base(lot).gt(0) ? half(MathBN.div(MathBN.mult(lot.points, amount), base(lot))) : 0
      targets.set(lot.id, Math.min(lot.points, Math.max(0, points)))
    }
  }
  let toReverse =
    lots.reduce((sum, lot) => sum + (targets.get(lot.id) ?? 0), 0) - lots.reduce((sum, lot) => sum + lot.reversed, 0)
  const plan: LotReversalTarget[] = []
  // Lots furthest below their own target first; a lot never goes past its points.
  const short = lots
    .map((lot) => ({ lot, deficit: (targets.get(lot.id) ?? 0) - lot.reversed }))
    .filter((s) => s.deficit > 0 && !s.lot.blocked)
    .sort((a, b) => b.deficit - a.deficit || (a.lot.id < b.lot.id ? -1 : 1))
  for (const { lot, deficit } of short) {
    if (toReverse <= 0) {
      break
    }
    const points = Math.min(deficit, toReverse)
    plan.push({ lot_id: lot.id, points })
    toReverse -= points
  }
  return plan
}
