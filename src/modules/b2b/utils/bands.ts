/**
 * Quantity bands as Medusa's price selection reads them (pricing repository, 2.21.2): a price
 * applies to a quantity q when min_quantity ≤ q ≤ max_quantity, both ends included, a missing
 * minimum or maximum being open; without a quantity (a product page) only prices with no minimum
 * or a minimum of 1 apply.
 */
export type Band = { min_quantity: number | null; max_quantity: number | null }

/** "1–49", "50+", "up to 9", "any quantity". */
export function describeBand(min: number | null, max: number | null): string {
  if (min === null && max === null) return "any quantity"
  if (max === null) return `${min}+`
  if (min === null) return `up to ${max}`
  return min === max ? `${min}` : `${min}–${max}`
}

/** Whether two bands share a quantity. */
export function bandsOverlap(a: Band, b: Band): boolean {
  return (a.min_quantity ?? 0) <= (b.max_quantity ?? Infinity) && (b.min_quantity ?? 0) <= (a.max_quantity ?? Infinity)
}

/** Whether a band applies at `quantity` (undefined: no quantity in the context, as a product page asks). */
export function bandApplies(band: Band, quantity: number | undefined): boolean {
  if (quantity === undefined) {
    return band.min_quantity === null || band.min_quantity <= 1
  }
  return (band.min_quantity ?? -Infinity) <= quantity && quantity <= (band.max_quantity ?? Infinity)
}

/** Each band that overlaps an earlier one of the list, with the first earlier one it overlaps. */
export function findOverlappingBands<T extends Band>(bands: T[]): { band: T; other: T }[] {
  const out: { band: T; other: T }[] = []
  bands.forEach((band, i) => {
    const other = bands.slice(0, i).find((earlier) => bandsOverlap(earlier, band))
    if (other) {
      out.push({ band, other })
    }
  })
  return out
}
