/**
 * ============================================================================================
 *  BENCH-ONLY. This is not part of the plugin and not a way to seed a real store: it writes
 *  straight into bench staging tables (schema `retention_bench_seed`), bypassing Medusa's
 *  modules, workflows and events. The demo store is seeded through Medusa (`npm run seed`).
 * ============================================================================================
 *
 * Streams the demo plans (src/scripts/demo-data/plan.ts) into the staging tables of
 * seed-schema.ts, for benchmarks that need 10k–1M customers and ~10M purchased lines in minutes:
 *
 * - "copy": `COPY ... FROM STDIN` in text format (pg-copy-streams). Rows are generated lazily and
 *   grouped into ~64 KB chunks; `stream.pipeline` pulls the next chunk only when the socket has
 *   drained, so memory stays flat at any size.
 * - "insert": the baseline, parameterised multi-row INSERTs (1000 rows a statement by default,
 *   prepared once per batch size), one transaction per table like COPY.
 *
 * Each load drops and recreates the schema, loads customers then purchase lines (two passes over
 * the same deterministic plans, so nothing is kept in memory between them), and only then adds the
 * primary key and indexes.
 */
import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { Client } from "@medusajs/framework/pg"
import { from as copyFrom } from "pg-copy-streams"
import { copyChunks, type CopyValue } from "./copy-text"
import {
  columnList,
  createSeedTables,
  CUSTOMER_COLUMNS,
  CUSTOMER_TABLE,
  indexSeedTables,
  PURCHASE_LINE_COLUMNS,
  PURCHASE_LINE_TABLE,
} from "./seed-schema"
import { customerRow, purchaseLineRows, seedCustomers, type SeedOptions } from "./seed-rows"
import { stopwatch } from "./stopwatch"

export type BulkLoadMethod = "copy" | "insert"

export type BulkLoadOptions = SeedOptions & {
  method: BulkLoadMethod
  /** Rows per INSERT statement for the "insert" method; 1000 by default. */
  insertBatchRows?: number
}

export type BulkLoadResult = {
  method: BulkLoadMethod
  /** Customer rows PostgreSQL acknowledged. */
  customers: number
  /** Purchase-line rows PostgreSQL acknowledged. */
  lines: number
  /** Orders and summed quantities of the lines written, counted while generating them. */
  orders: number
  quantity: number
  timings: { tablesMs: number; customersMs: number; linesMs: number; indexMs: number }
}

type Target = { key: string; table: string; columns: readonly string[] }

const CUSTOMER_TARGET: Target = { key: "customer", table: CUSTOMER_TABLE, columns: CUSTOMER_COLUMNS }
const PURCHASE_LINE_TARGET: Target = { key: "purchase_line", table: PURCHASE_LINE_TABLE, columns: PURCHASE_LINE_COLUMNS }
const QUANTITY = PURCHASE_LINE_COLUMNS.indexOf("quantity")
const DEFAULT_INSERT_BATCH_ROWS = 1000
/** PostgreSQL's limit on bind parameters per statement. */
const MAX_PARAMETERS = 65535

/** Recreates the bench staging tables and fills them with `options.customers` planned customers. */
export async function bulkLoad(client: Client, options: BulkLoadOptions): Promise<BulkLoadResult> {
  const batchRows = options.insertBatchRows ?? DEFAULT_INSERT_BATCH_ROWS
  const write = (target: Target, rows: Iterable<CopyValue[]>) =>
    options.method === "copy" ? copyRows(client, target, rows) : insertRows(client, target, rows, batchRows)
  const clock = stopwatch()

  await createSeedTables(client)
  const tablesMs = clock()
  const customers = await write(CUSTOMER_TARGET, customerRows(options))
  const customersMs = clock()
  const tally = { orders: 0, quantity: 0 }
  const lines = await write(PURCHASE_LINE_TARGET, lineRows(options, tally))
  const linesMs = clock()
  await indexSeedTables(client)
  const indexMs = clock()

  return { method: options.method, customers, lines, ...tally, timings: { tablesMs, customersMs, linesMs, indexMs } }
}

function* customerRows(options: SeedOptions): Generator<CopyValue[]> {
  for (const customer of seedCustomers(options)) {
    yield customerRow(customer)
  }
}

function* lineRows(options: SeedOptions, tally: { orders: number; quantity: number }): Generator<CopyValue[]> {
  for (const customer of seedCustomers(options)) {
    tally.orders += customer.orders.length
    for (const row of purchaseLineRows(customer)) {
      tally.quantity += row[QUANTITY] as number
      yield row
    }
  }
}

async function copyRows(client: Client, target: Target, rows: Iterable<CopyValue[]>): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${target.table} (${columnList(target.columns)}) FROM STDIN`))
  await pipeline(Readable.from(copyChunks(rows)), stream)
  return stream.rowCount
}

async function insertRows(client: Client, target: Target, rows: Iterable<CopyValue[]>, batchRows: number): Promise<number> {
  if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows * target.columns.length > MAX_PARAMETERS) {
    throw new Error(`insertBatchRows must be an integer in [1, ${Math.floor(MAX_PARAMETERS / target.columns.length)}]`)
  }
  await client.query("BEGIN")
  try {
    let inserted = 0
    let batch: CopyValue[][] = []
    for (const row of rows) {
      batch.push(row)
      if (batch.length === batchRows) {
        inserted += await insertBatch(client, target, batch)
        batch = []
      }
    }
    if (batch.length) {
      inserted += await insertBatch(client, target, batch)
    }
    await client.query("COMMIT")
    return inserted
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined)
    throw e
  }
}

async function insertBatch(client: Client, target: Target, batch: CopyValue[][]): Promise<number> {
  const result = await client.query({
    name: `bench_seed_${target.key}_${batch.length}`,
    text: insertSql(target, batch.length),
    values: batch.flat(),
  })
  return result.rowCount ?? 0
}

const insertSqlCache = new Map<string, string>()

function insertSql(target: Target, rows: number): string {
  const cacheKey = `${target.key}:${rows}`
  let sql = insertSqlCache.get(cacheKey)
  if (!sql) {
    const width = target.columns.length
    const tuples: string[] = []
    for (let r = 0; r < rows; r++) {
      tuples.push(`(${target.columns.map((_, c) => `$${r * width + c + 1}`).join(", ")})`)
    }
    sql = `INSERT INTO ${target.table} (${columnList(target.columns)}) VALUES ${tuples.join(", ")}`
    insertSqlCache.set(cacheKey, sql)
  }
  return sql
}
