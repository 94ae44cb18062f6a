/** BENCH-ONLY. Wall time of a load's phases. */

/** A clock that returns the milliseconds since it was made or last read. */
export function stopwatch(): () => number {
  let last = performance.now()
  return () => {
    const now = performance.now()
    const elapsed = now - last
    last = now
    return elapsed
  }
}
