/** Summary statistics of benchmark samples. */

/** The q-quantile (0..1) of samples, linearly interpolated between closest ranks; NaN when empty. */
export function quantile(samples: readonly number[], q: number): number {
  if (!samples.length) {
    return Number.NaN
  }
  const sorted = [...samples].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower)
}
