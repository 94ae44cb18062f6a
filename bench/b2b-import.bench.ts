/**
 * B2B contract prices from a CSV (issue 9: "10k / 100k / 1M rows: wall time and peak RSS ...
 * beside Medusa's native batch price route for the same rows in the same run").
 *
 * Each size is size / 5 variants of a seeded catalogue (100 variants a product, one base price in
 * eur) with five volume bands each (bench/lib/b2b/rows.ts), loaded into an empty contract price
 * list (override, ruled on the company's group) two ways, each in a fresh Medusa app process of
 * its own (bench/lib/b2b/app-process.ts: Medusa's and the plugin's routes, modules, subscribers),
 * booted before the case so its peak RSS (VmHWM from /proc, the app itself included) is the case's:
 * - Medusa's batch route, POST /admin/price-lists/:id/prices/batch over HTTP with a secret admin
 *   key, fed 10,000 prices a request (its body limit is 2 MB, ~17k prices): the baseline;
 * - our import: the CSV streamed into the File module, the import recorded with "apply when
 *   valid", the worker's subscriber streaming, validating and staging it, diffing it against the
 *   list in SQL and applying it in batches through the Pricing module; polled until applied;
 * - the same file again into the same contract: a dry run that finds every row unchanged.
 * Ratio: the case's wall time over the native route's at the same size. 1M rows: BENCH_SIZES=
 * 10000,100000,1000000; the native route runs up to B2B_BENCH_NATIVE_MAX rows (default 100,000:
 * at 1M it needs ~20 GB and an hour by the 100k figures); our import up to B2B_BENCH_IMPORT_MAX
 * rows (default: every size).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "@medusajs/framework/pg"
import { medusaCli } from "../dev/medusa-cli"
import { startAppChild, type AppChild } from "./lib/b2b/app-child"
import type { ImportOutcome } from "./lib/b2b/app-process"
import { BANDS, BENCH_CURRENCY, benchRows, variantsFor, writePriceCsv } from "./lib/b2b/rows"
import { benchDatabaseUrl, benchSizes } from "./lib/env"
import { defineBench, type BenchCase } from "./lib/harness"

const DATABASE = "retention_bench_b2b"
const FILES_DIR = path.join(os.tmpdir(), "retention-bench-b2b")
const NATIVE_CHUNK = 10_000
const NATIVE_MAX = Number(process.env.B2B_BENCH_NATIVE_MAX ?? 100_000)
/** Our import runs up to this many rows (B2B_BENCH_IMPORT_MAX; default: every size). */
const IMPORT_MAX = Number(process.env.B2B_BENCH_IMPORT_MAX ?? Infinity)

const sizes = benchSizes()
const notes: string[] = []
const log = (line: string) => process.stderr.write(`  [b2b-import] ${line}\n`)

type Prepared = { child: AppChild; contract_id: string; price_list_id: string }
const prepared = new Map<string, Prepared>()
const files = new Map<number, { path: string; bytes: number }>()
let variantIds = new Map<string, string>()
let token = ""
let url = ""

function databaseUrl(benchUrl: string, database: string) {
  const u = new URL(benchUrl)
  u.pathname = `/${database}`
  return u.toString()
}

function envFor(dbUrl: string): Record<string, string> {
  const parsed = new URL(dbUrl)
  return {
    DATABASE_URL: dbUrl,
    DB_HOST: parsed.hostname === "127.0.0.1" ? "localhost" : parsed.hostname,
    DB_PORT: parsed.port || "5432",
    DB_USERNAME: decodeURIComponent(parsed.username) || "postgres",
    DB_PASSWORD: decodeURIComponent(parsed.password),
    DB_NAME: parsed.pathname.slice(1),
  }
}

async function withPg<T>(fn: (pg: Client) => Promise<T>): Promise<T> {
  const pg = new Client({ connectionString: url })
  await pg.connect()
  try {
    return await fn(pg)
  } finally {
    await pg.end()
  }
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20)

function peakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
  return Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)![1]) * 1024
}

async function pricesIn(priceListId: string): Promise<number> {
  return withPg(async (pg) => (await pg.query(`select count(*)::int as n from price where price_list_id = $1 and deleted_at is null`, [priceListId])).rows[0].n)
}

/** Boots the app process a case runs in and gives it an empty contract (not timed). */
async function prepare(key: string, env: Record<string, string>) {
  const child = await startAppChild(env)
  const contract = await child.send<{ contract_id: string; price_list_id: string }>({ cmd: "contract", name: `b2b bench ${key} ${Date.now()}` })
  prepared.set(key, { child, ...contract })
}

async function nativeRoute(size: number, p: Prepared) {
  const auth = `Basic ${Buffer.from(`${token}:`).toString("base64")}`
  const callsMs: number[] = []
  let bodyBytes = 0
  let chunk: Record<string, unknown>[] = []
  const send = async () => {
    const body = JSON.stringify({ create: chunk })
    bodyBytes = Math.max(bodyBytes, Buffer.byteLength(body))
    const started = performance.now()
    const res = await fetch(`http://127.0.0.1:${p.child.port}/admin/price-lists/${p.price_list_id}/prices/batch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth },
      body,
    })
    const text = await res.text()
    if (!res.ok) {
      throw new Error(`POST prices/batch: HTTP ${res.status} ${text.slice(0, 300)}`)
    }
    callsMs.push(performance.now() - started)
    chunk = []
  }
  for (const r of benchRows(size)) {
    chunk.push({ variant_id: variantIds.get(r.sku), currency_code: BENCH_CURRENCY, amount: Number(r.amount), min_quantity: r.min_quantity, max_quantity: r.max_quantity })
    if (chunk.length >= NATIVE_CHUNK) await send()
  }
  if (chunk.length) await send()
  const count = await pricesIn(p.price_list_id)
  if (count !== size) {
    throw new Error(`the native route left ${count} prices in the list, not ${size}`)
  }
  log(`native @ ${size}: ${callsMs.length} requests, ${callsMs.map((ms) => (ms / 1000).toFixed(1)).join(" / ")} s`)
  return {
    requests: callsMs.length,
    "first/last request s": `${(callsMs[0] / 1000).toFixed(1)} / ${(callsMs[callsMs.length - 1] / 1000).toFixed(1)}`,
    "largest body MB": Math.round((bodyBytes / 2 ** 20) * 100) / 100,
  }
}

async function ourImport(size: number, p: Prepared, expect: "added" | "unchanged") {
  const file = files.get(size)!
  const outcome = await p.child.send<ImportOutcome>({ cmd: "import", contract_id: p.contract_id, path: file.path })
  log(`import @ ${size} (${expect}): ${JSON.stringify(outcome)}`)
  if (outcome.status !== "applied" || outcome[expect] !== size || outcome.rows_with_errors) {
    throw new Error(`import ${outcome.status}: ${outcome.failure ?? JSON.stringify(outcome)}`)
  }
  const count = await pricesIn(p.price_list_id)
  if (count !== size) {
    throw new Error(`the import left ${count} prices in the list, not ${size}`)
  }
  return {
    "store ms": outcome.store_ms,
    "validate+diff s": Math.round(outcome.validate_ms / 100) / 10,
    "apply s": Math.round(outcome.apply_ms / 100) / 10,
    "added/unchanged": `${outcome.added}/${outcome.unchanged}`,
    "live heap MiB": mib(outcome.live_heap_bytes),
  }
}

function run(key: string, size: number, fn: (p: Prepared) => Promise<Record<string, number | string>>): BenchCase["fn"] {
  return async (context) => {
    const p = prepared.get(key)!
    context.watchPid(p.child.pid)
    const extra = await fn(p)
    const peak = peakRss(p.child.pid)
    return { rows: size, extra: { ...extra, "app idle RSS MiB": mib(p.child.readyRss), "app peak RSS MiB": mib(peak), "peak over idle MiB": mib(peak - p.child.readyRss) } }
  }
}

function casesAt(size: number): BenchCase[] {
  const group = "b2b-import"
  const nativeSkip = size > NATIVE_MAX ? `the native route runs up to ${NATIVE_MAX.toLocaleString("en-US")} rows (B2B_BENCH_NATIVE_MAX)` : undefined
  const importSkip = size > IMPORT_MAX ? `our import runs up to ${IMPORT_MAX.toLocaleString("en-US")} rows (B2B_BENCH_IMPORT_MAX)` : undefined
  return [
    { case: `Medusa POST /admin/price-lists/:id/prices/batch (${NATIVE_CHUNK / 1000}k a request)`, size, group, baseline: true, iterations: 1, skip: nativeSkip, fn: run(`native-${size}`, size, (p) => nativeRoute(size, p)) },
    { case: "our import: upload → stream, validate, diff → apply", size, group, iterations: 1, skip: importSkip, fn: run(`ours-${size}`, size, (p) => ourImport(size, p, "added")) },
    { case: "our import, same file again (no change)", size, group, iterations: 1, skip: importSkip, fn: run(`ours-${size}`, size, (p) => ourImport(size, p, "unchanged")) },
  ]
}

export default defineBench({
  name: "b2b-import",
  description: "contract prices (5 volume bands a variant) into an empty contract price list: our streamed CSV import beside Medusa's batch route",
  notes,
  async setup() {
    url = databaseUrl(benchDatabaseUrl(), DATABASE)
    const admin = new Client({ connectionString: databaseUrl(benchDatabaseUrl(), "postgres") })
    await admin.connect()
    try {
      if (!(await admin.query("select 1 from pg_database where datname = $1", [DATABASE])).rowCount) {
        // Identifiers cannot be bound; the name is a constant of this bench.
        await admin.query(`create database "${DATABASE}"`)
      }
    } finally {
      await admin.end()
    }
    const env = envFor(url)
    await medusaCli(["db:migrate"], env)
    const max = Math.max(...sizes)
    const seeder = await startAppChild(env)
    try {
      await seeder.send({ cmd: "seed", variants: variantsFor(max) })
      token = (await seeder.send<{ token: string }>({ cmd: "api-key" })).token
    } finally {
      await seeder.stop()
    }
    variantIds = await withPg(async (pg) => {
      const { rows } = await pg.query(`select sku, id from product_variant where sku like 'B2BB-%' and deleted_at is null`)
      return new Map(rows.map((r: { sku: string; id: string }) => [r.sku, r.id]))
    })
    for (const size of sizes) {
      files.set(size, await writePriceCsv(FILES_DIR, size))
      notes.push(`${size.toLocaleString("en-US")} rows: ${variantsFor(size).toLocaleString("en-US")} variants × ${BANDS.length} bands, ${(files.get(size)!.bytes / 2 ** 20).toFixed(1)} MB of CSV`)
    }
    // One fresh app process per case, booted one after another before any case runs.
    for (const size of sizes) {
      if (size <= NATIVE_MAX) await prepare(`native-${size}`, env)
      if (size <= IMPORT_MAX) await prepare(`ours-${size}`, env)
    }
    notes.push(
      "one wall-time run per case, each in its own Medusa app process (booted before the cases); app peak RSS is that process's VmHWM (the app itself included; app idle RSS is at boot, peak over idle is what the work added), the bench's own RSS is not the work's; live heap MiB is the import process's largest V8 heap after a full GC (every 5 s): what it holds, apart from garbage not yet collected",
      "the re-import runs in the import's process, so its peak RSS is the import's"
    )
  },
  cases: sizes.flatMap(casesAt),
  async teardown() {
    for (const p of prepared.values()) await p.child.stop()
  },
})
