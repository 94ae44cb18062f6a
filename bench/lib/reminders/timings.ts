/**
 * BENCH-ONLY. Where a send run's time goes: wraps methods of the loaded module instances (and the
 * query graph) to add up their wall time and calls; the code under measurement is unchanged.
 */
export type CallTimes = Record<string, { ms: number; calls: number }>

/** Times every call of `object[method]` into `times[label]` from now on; returns a function that undoes it. */
export function timeCalls(times: CallTimes, label: string, object: object, method: string): () => void {
  const target = object as Record<string, unknown>
  const original = target[method]
  if (typeof original !== "function") {
    throw new Error(`${label}: ${method} is not a method`)
  }
  target[method] = async (...args: unknown[]) => {
    const started = performance.now()
    try {
      return await original.apply(object, args)
    } finally {
      const entry = (times[label] ??= { ms: 0, calls: 0 })
      entry.ms += performance.now() - started
      entry.calls++
    }
  }
  return () => {
    target[method] = original
  }
}

/** "label 12.3 ms × 500" for each timed call, slowest total first. */
export function describeTimes(times: CallTimes): string {
  return Object.entries(times)
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([label, t]) => `${label} ${(t.ms / t.calls).toFixed(1)} ms × ${t.calls.toLocaleString("en-US")} (${(t.ms / 1000).toFixed(1)} s)`)
    .join("; ")
}
