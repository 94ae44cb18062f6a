/**
 * BENCH-ONLY: tops a planned customer up to a target number of purchased lines.
 *
 * The demo plans average about 8 lines per pharmacy patient, 4 per electronics buyer and 2 per
 * software owner (~4.6 for an even mix), while the benchmarks want ~10 per customer (10M lines at
 * 1M customers). A customer below the target replays their own habit further back in time: the
 * whole history, shifted back by one "period" (its span plus its mean gap between orders, in whole
 * days so times of day stay), newest order first, repeated period after period until the target is
 * reached; whole orders only, so a customer ends at or just above the target. Replayed orders
 * keep their lines and get the ref `<original ref>-r<round>`; `created_at` moves back with the
 * oldest round. Customers without any order stay as they are. Pure and deterministic.
 */
import type { PlannedCustomer, PlannedOrder } from "../../src/scripts/demo-data/plan"

const DAY = 86_400_000
/** Gap assumed before a customer's only order when replaying it. */
const SINGLE_ORDER_GAP_DAYS = 30

/** The number of purchased lines in a list of orders. */
export function lineCount(orders: readonly PlannedOrder[]): number {
  let lines = 0
  for (const order of orders) {
    lines += order.lines.length
  }
  return lines
}

/** The customer with replayed orders added until it has at least `linesPerCustomer` lines. */
export function topUp(customer: PlannedCustomer, linesPerCustomer: number): PlannedCustomer {
  let lines = lineCount(customer.orders)
  if (!customer.orders.length || lines >= linesPerCustomer) {
    return customer
  }
  const original = [...customer.orders].sort((a, b) => a.placed_at.getTime() - b.placed_at.getTime())
  const n = original.length
  const spanDays = Math.round((original[n - 1].placed_at.getTime() - original[0].placed_at.getTime()) / DAY)
  const gapDays = n > 1 ? Math.max(1, Math.round(spanDays / (n - 1))) : SINGLE_ORDER_GAP_DAYS
  const periodMs = (spanDays + gapDays) * DAY
  // Newest first: every round ends before the previous one starts, so reversing sorts by time.
  const replayed: PlannedOrder[] = []
  let round = 0
  while (lines < linesPerCustomer) {
    round++
    for (let i = n - 1; i >= 0 && lines < linesPerCustomer; i--) {
      const order = original[i]
      replayed.push({
        ...order,
        ref: `${order.ref}-r${round}`,
        placed_at: new Date(order.placed_at.getTime() - round * periodMs),
      })
      lines += order.lines.length
    }
  }
  return {
    ...customer,
    created_at: new Date(customer.created_at.getTime() - round * periodMs),
    orders: [...replayed.reverse(), ...original],
  }
}
