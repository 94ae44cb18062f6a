/**
 * Importing a store's history (issue 5: "streams two CSV files ... flat memory at millions of rows").
 *
 * At every size in BENCH_SIZES (customers of the demo's software vendor, ~2.5 order lines each;
 * bench/lib/history-import/files.ts writes the files once to a temp dir), against a Medusa app
 * loaded in this process on database retention_bench_history (migrated, with the software
 * catalogue), one wall-time run each:
 * - parse + validate: the import's own reader and line validation over both files, nothing else:
 *   the baseline;
 * - dry run, import, re-import: the real workflow (files stored in the File module first), on a
 *   store emptied of customers and facts before the dry run. The re-import of the same files
 *   updates everything and creates nothing.
 * rows/s counts the lines of both files over the case's wall time; "workflow s" is the workflow
 * alone (started → finished). Peak RSS is this process's high-water mark since it started, the
 * Medusa app included (RSS is not given back, so later cases inherit it); "live heap MiB" is the
 * largest V8 heap measured after a full GC during the case: flat memory shows as the same figure
 * at every size. Above IMPORT_MAX_CUSTOMERS (HISTORY_BENCH_IMPORT_MAX) only the parse and the dry
 * run run: the import of a million customers takes hours on 2 shared cores.
 *
 * The facts subscribers skip the Customer module events of the import's batches (their event group
 * marks them): before they did, every imported address triggered a second refresh of its customer,
 * a batch's thousand at once on the local event bus (10k customers: thousands of "Timeout
 * acquiring a connection" errors and a starved pool for minutes).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../src/modules/customer-facts"
import type CustomerFactsModuleService from "../src/modules/customer-facts/service"
import { readCsvLines, type HistoryFile } from "../src/modules/customer-facts/utils/history-csv"
import { parseCustomerRow, parseOrderRow } from "../src/modules/customer-facts/utils/history-rows"
import { ensureDemoStore } from "../src/scripts/demo-data/store-setup"
import { createHistoryImportWorkflow } from "../src/workflows/customer-facts/import-history-create"
import { importHistoryWorkflow } from "../src/workflows/customer-facts/import-history"
import type { StoredHistoryFile } from "../src/workflows/customer-facts/steps/create-history-import"
import { benchDatabaseUrl, benchSizes } from "./lib/env"
import { defineBench, type BenchCase } from "./lib/harness"
import { startBenchApp, type BenchApp } from "./lib/history-import/app"
import { writeHistoryFiles, type HistoryFiles } from "./lib/history-import/files"
import { describeTimes, timeCalls, type CallTimes } from "./lib/reminders/timings"

const SEED = 42
const ANCHOR = new Date(Date.UTC(2026, 10, 1))
const DATABASE = "retention_bench_history"
const FILES_DIR = path.join(os.tmpdir(), "retention-bench-history")
/** Above this size the re-import is skipped: it takes as long as the import. */
const REIMPORT_MAX_CUSTOMERS = 100_000
/** Above this size the import itself is skipped (HISTORY_BENCH_IMPORT_MAX overrides). */
const IMPORT_MAX_CUSTOMERS = Number(process.env.HISTORY_BENCH_IMPORT_MAX ?? 100_000)
/** What an import writes, emptied before each size's dry run. */
const TABLES = [
  "customer",
  "customer_address",
  "customer_group_customer",
  "customer_fact",
  "customer_spend_fact",
  "customer_product_fact",
  "order_fact",
  "purchase_fact",
  "consent_record",
  "rfm_cutoff",
  "history_import",
  "loyalty_account",
]

const sizes = benchSizes()
const notes: string[] = []
const log = (line: string) => process.stderr.write(`  [history-import] ${line}\n`)
let app: BenchApp | null = null
const files = new Map<number, HistoryFiles>()

/** How often the live heap is measured (after a full GC, so garbage not yet collected does not count). */
const LIVE_HEAP_EVERY_MS = 5000

/**
 * Runs `fn`, measuring the live V8 heap every few seconds after a forced full GC (the bench runs
 * with --expose-gc): what the import holds, without the garbage a heap sample would include. A
 * batch-at-a-time import shows the same figure at every size.
 */
async function withLiveHeap<T extends { extra: Record<string, number | string> }>(fn: () => Promise<T>): Promise<T> {
  const gc = (globalThis as { gc?: () => void }).gc
  let peak = 0
  const sample = () => {
    gc?.()
    peak = Math.max(peak, process.memoryUsage().heapUsed)
  }
  const timer = setInterval(sample, LIVE_HEAP_EVERY_MS)
  try {
    const result = await fn()
    sample()
    result.extra["live heap MiB"] = Math.round(peak / 2 ** 20)
    return result
  } finally {
    clearInterval(timer)
  }
}

function container() {
  if (!app) {
    throw new Error("the bench app is not started")
  }
  return app.container
}

async function parseOnly(f: HistoryFiles) {
  let good = 0
  let bad = 0
  const read = async (file: HistoryFile, localPath: string, parse: typeof parseCustomerRow | typeof parseOrderRow) => {
    for await (const line of readCsvLines(fs.createReadStream(localPath), file)) {
      if (line.error || parse(line.line, line.values).errors) {
        bad++
      } else {
        good++
      }
    }
  }
  await read("customers.csv", f.customers, parseCustomerRow)
  await read("orders.csv", f.orders, parseOrderRow)
  return { rows: good + bad, extra: { "bad lines": bad } as Record<string, number | string> }
}

async function store(localPath: string, name: string): Promise<StoredHistoryFile> {
  const { writeStream, promise } = await container().resolve(Modules.FILE).getUploadStream({ filename: name, mimeType: "text/csv", access: "private" })
  await new Promise<void>((resolve, reject) => fs.createReadStream(localPath).on("error", reject).pipe(writeStream).on("error", reject).on("finish", resolve))
  const stored = await promise
  return { file_key: stored.key, name, size: fs.statSync(localPath).size }
}

async function emptyStore() {
  const pg = container().resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(`select tablename from pg_tables where schemaname = 'public' and tablename = any(?::text[])`, [TABLES])
  await pg.raw(`truncate ${rows.map((r: { tablename: string }) => `"${r.tablename}"`).join(", ")}`)
}

function runImport(size: number, dryRun: boolean, empty: boolean) {
  return () => withLiveHeap(async () => {
    const f = files.get(size)!
    if (empty) {
      await emptyStore()
    }
    const times: CallTimes = {}
    const untime = timeImportCalls(times)
    const started = Date.now()
    const customers = await store(f.customers, "customers.csv")
    const orders = await store(f.orders, "orders.csv")
    const storeMs = Date.now() - started
    const { result } = await createHistoryImportWorkflow(container()).run({
      input: { dry_run: dryRun, customers, orders, run_in_background: false },
    })
    await importHistoryWorkflow(container()).run({ input: { import_id: result.id } }).finally(() => untime())
    notes.push(`${dryRun ? "dry run" : "import"} @ ${size.toLocaleString("en-US")}, where the time went: ${describeTimes(times)}`)
    const job = await container().resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE).retrieveHistoryImport(result.id)
    if (job.status !== "completed" || job.customers_rows !== f.customerRows || job.orders_rows !== f.orderRows) {
      throw new Error(`import ${job.id} ${job.status}: ${job.failure ?? `${job.customers_rows}/${f.customerRows} customers, ${job.orders_rows}/${f.orderRows} lines read`}`)
    }
    const workflowMs = new Date(job.finished_at!).getTime() - new Date(job.started_at!).getTime()
    log(
      `${dryRun ? "dry run" : "import"} @ ${size}: ${job.customers_created} created, ${job.customers_matched} matched, ${job.orders_created} orders created, ` +
        `${job.orders_updated} updated, ${job.lines_upserted} lines, ${job.unknown_sku_count} unknown SKUs, ${job.rows_with_errors} bad lines, ${Math.round(workflowMs / 1000)} s`
    )
    return {
      rows: f.customerRows + f.orderRows,
      extra: {
        "store ms": storeMs,
        "workflow s": Math.round(workflowMs / 100) / 10,
        created: job.customers_created,
        matched: job.customers_matched,
        "orders new/upd": `${job.orders_created}/${job.orders_updated}`,
        lines: job.lines_upserted,
        "bad lines": job.rows_with_errors,
      } as Record<string, number | string>,
    }
  })
}

/** Times the module calls an import makes (the code under measurement is unchanged); returns the undo. */
function timeImportCalls(times: CallTimes): () => void {
  const c = container()
  const customers = c.resolve(Modules.CUSTOMER)
  const facts = c.resolve(CUSTOMER_FACTS_MODULE)
  const wrapped = [
    ...["createCustomers", "updateCustomers", "createCustomerAddresses"].map((m) => timeCalls(times, `customer.${m}`, customers, m)),
    ...["writeCustomerFacts", "upsertImportedOrders", "recordConsents", "listConsentRecords", "listOrderFacts", "listCustomerFacts"].map((m) =>
      timeCalls(times, `facts.${m}`, facts, m)
    ),
    timeCalls(times, "product.listProductVariants", c.resolve(Modules.PRODUCT), "listProductVariants"),
    timeCalls(times, "query.graph", c.resolve(ContainerRegistrationKeys.QUERY), "graph"),
    timeCalls(times, "locking.execute", c.resolve(Modules.LOCKING), "execute"),
    timeCalls(times, "pg.raw", c.resolve(ContainerRegistrationKeys.PG_CONNECTION), "raw"),
  ]
  return () => wrapped.reverse().forEach((undo) => undo())
}

function casesAt(size: number): BenchCase[] {
  const group = "history-import"
  return [
    { case: "parse + validate (no database)", size, group, baseline: true, iterations: 1, fn: () => withLiveHeap(() => parseOnly(files.get(size)!)) },
    { case: "dry run (workflow)", size, group, iterations: 1, fn: runImport(size, true, true) },
    {
      case: "import (workflow)",
      size,
      group,
      iterations: 1,
      skip: size > IMPORT_MAX_CUSTOMERS ? `the import runs up to ${IMPORT_MAX_CUSTOMERS.toLocaleString("en-US")} customers (HISTORY_BENCH_IMPORT_MAX)` : undefined,
      fn: runImport(size, false, false),
    },
    {
      case: "re-import, same files (workflow)",
      size,
      group,
      iterations: 1,
      skip: size > REIMPORT_MAX_CUSTOMERS ? `the re-import runs up to ${REIMPORT_MAX_CUSTOMERS.toLocaleString("en-US")} customers (it takes as long as the import)` : undefined,
      fn: runImport(size, false, false),
    },
  ]
}

export default defineBench({
  name: "history-import",
  description: "customers.csv + orders.csv of the software vendor through the import workflow",
  notes,
  async setup() {
    for (const size of sizes) {
      const f = await writeHistoryFiles(FILES_DIR, size, SEED, ANCHOR)
      files.set(size, f)
      notes.push(`${size.toLocaleString("en-US")} customers: ${f.orderRows.toLocaleString("en-US")} order lines, ${(f.bytes / 1024 / 1024).toFixed(1)} MB of CSV`)
    }
    app = await startBenchApp(benchDatabaseUrl(), DATABASE)
    await ensureDemoStore(app.container, ["software"])
    notes.push("one wall-time run per case; the app (modules, subscribers) runs in the bench process, so peak RSS includes it")
  },
  cases: sizes.flatMap(casesAt),
  async teardown() {
    await app?.shutdown()
  },
})
