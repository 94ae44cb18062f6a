export type LotRemaining = { id: string; remaining: number }
export type Allocation = { lot_id: string; points: number }

/**
 * Takes `points` from lots in the order given (the caller orders them first-expiring first) and
 * returns what each lot gives and what could not be covered.
 */
export function allocateFifo(lots: LotRemaining[], points: number): { allocations: Allocation[]; shortfall: number } {
  const allocations: Allocation[] = []
  let left = points
  for (const lot of lots) {
    if (left <= 0) {
      break
    }
    const take = Math.min(lot.remaining, left)
    if (take > 0) {
      allocations.push({ lot_id: lot.id, points: take })
      left -= take
    }
  }
  return { allocations, shortfall: left }
}
