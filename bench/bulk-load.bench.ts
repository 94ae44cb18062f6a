/**
 * Bulk load of the bench staging tables (bench/lib/bulk-generator.ts, BENCH-ONLY): COPY FROM STDIN
 * against the multi-row INSERT baseline, at every size in BENCH_SIZES. A run is the whole load:
 * planning the customers, recreating the tables, loading customers and ~10 purchase lines each,
 * then building the primary key and indexes. The run leaves the last load (COPY at the largest
 * size) in schema retention_bench_seed of the bench database.
 */
import { Client } from "@medusajs/framework/pg"
import { bulkLoad, type BulkLoadMethod } from "./lib/bulk-generator"
import { benchDatabaseUrl, benchSizes } from "./lib/env"
import { defineBench, type BenchCase, type BenchContext } from "./lib/harness"

const SEED = 42
const ANCHOR = new Date(Date.UTC(2025, 5, 1))
const LINES_PER_CUSTOMER = 10
/** Above this many customers the INSERT baseline takes too long to be worth the wait. */
const INSERT_MAX_CUSTOMERS = 100_000
/** Up to this size a case is repeated (1 warm-up + 3 runs); above it, one wall-time run. */
const REPEAT_MAX_CUSTOMERS = 10_000

const sizes = benchSizes()

function load(method: BulkLoadMethod, customers: number) {
  return async (context: BenchContext) => {
    const client = new Client({ connectionString: benchDatabaseUrl() })
    await client.connect()
    try {
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")
      context.watchPid(rows[0].pid)
      const result = await bulkLoad(client, { customers, seed: SEED, anchor: ANCHOR, linesPerCustomer: LINES_PER_CUSTOMER, method })
      return {
        rows: result.customers + result.lines,
        extra: {
          lines: result.lines,
          "customers (ms)": Math.round(result.timings.customersMs),
          "lines (ms)": Math.round(result.timings.linesMs),
          "indexes (ms)": Math.round(result.timings.indexMs),
        },
      }
    } finally {
      await client.end()
    }
  }
}

function casesAt(size: number): BenchCase[] {
  const iterations = size <= REPEAT_MAX_CUSTOMERS ? 3 : 1
  return [
    {
      case: "insert (1000 rows/stmt)",
      size,
      group: "bulk-load",
      baseline: true,
      iterations,
      skip: size > INSERT_MAX_CUSTOMERS ? `INSERT baseline only runs up to ${INSERT_MAX_CUSTOMERS.toLocaleString("en-US")} customers` : undefined,
      fn: load("insert", size),
    },
    { case: "copy", size, group: "bulk-load", iterations, fn: load("copy", size) },
  ]
}

export default defineBench({
  name: "bulk-load",
  description: `customers + ~${LINES_PER_CUSTOMER} purchase lines each into retention_bench_seed (size = customers)`,
  notes: [
    "time = whole load: plan, create tables, load customers, load lines, primary key + 2 indexes + ANALYZE",
    "rows/s = (customers + lines) / p50; ratio = p50 / INSERT p50 at the same size",
    "peak RSS = this bench process; backend RSS = the PostgreSQL backend (VmRSS incl. shared buffers; anon = private)",
  ],
  setup: () => {
    benchDatabaseUrl()
  },
  cases: sizes.flatMap(casesAt),
})
