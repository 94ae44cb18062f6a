/**
 * What `npm run bench` (dev/run-bench.ts) hands each bench process through the environment:
 * the sizes to run (BENCH_SIZES) and the bench database (RETENTION_BENCH_DATABASE_URL).
 */

/** Sizes run when BENCH_SIZES is unset: a few minutes on 2 cores. */
export const DEFAULT_BENCH_SIZES = [10_000, 100_000]

/** The sizes from BENCH_SIZES (a comma list such as `10000,100000,1000000`), else the default. */
export function benchSizes(env: NodeJS.ProcessEnv = process.env): number[] {
  const raw = env.BENCH_SIZES?.trim()
  if (!raw) {
    return DEFAULT_BENCH_SIZES
  }
  return raw.split(",").map((part) => {
    const size = Number(part.trim().replace(/_/g, ""))
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new Error(`BENCH_SIZES must be a comma list of positive integers, got "${raw}"`)
    }
    return size
  })
}

/** The URL of the bench database; fails with a hint when run outside `npm run bench`. */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.RETENTION_BENCH_DATABASE_URL
  if (!url) {
    throw new Error("RETENTION_BENCH_DATABASE_URL is not set: run benches with `npm run bench [filter]`")
  }
  return url
}
