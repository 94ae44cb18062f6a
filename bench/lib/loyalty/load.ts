/**
 * BENCH-ONLY. Fills a bench schema `retention_bench_loyalty_<accounts>` with the loyalty-points
 * tables (the shipped migration SQL, see migration-sql.ts) and `accounts` synthetic ledgers
 * (ledger-plan.ts), unless a previous run already left exactly that there.
 *
 * The load: run the migrations' up() SQL, drop the primary keys and indexes, then one pass over
 * the accounts streams the rows of all four tables through four concurrent `COPY ... FROM STDIN
 * WITH (FREEZE)` (each in its own transaction after a TRUNCATE, so the rows are written frozen and
 * all-visible), ~64 KB a write, waiting on each socket's drain: memory stays flat at any size.
 * Then the primary keys come back and the migrations' CREATE INDEX statements run again, ANALYZE,
 * and a full consistency check of the ledger. A marker table written last records what was loaded;
 * a later run with the same size, generator version and migration SQL reuses the schema.
 */
import { once } from "node:events"
import { finished } from "node:stream/promises"
import { Client } from "@medusajs/framework/pg"
import { from as copyFrom } from "pg-copy-streams"
import { quoteIdentifier } from "../../../dev/database"
import { copyRow } from "../copy-text"
import {
  accountLedger,
  ACCOUNT_COLUMNS,
  ALLOCATION_COLUMNS,
  LOT_COLUMNS,
  TRANSACTION_COLUMNS,
  type LedgerOptions,
} from "./ledger-plan"
import { readMigrationSql, type MigrationSql } from "./migration-sql"
import { backendPid, connect as connectToSchema, dropKeysAndIndexes, readMarker as readSchemaMarker, rebuildKeys, schemaFingerprint } from "../schema"

/** Bump when the generated data changes, so old bench schemas are reloaded. */
export const GENERATOR_VERSION = 1
export const MARKER_TABLE = "bench_loyalty_marker"
const CHUNK_CHARS = 64 * 1024

export type LoadSummary = {
  schema: string
  reused: boolean
  accounts: number
  transactions: number
  lots: number
  allocations: number
  anchor: Date
  seed: number
  /** When the data was loaded (an earlier run's date when reused). */
  loadedAt: Date
  timings: { copyMs: number; indexMs: number; analyzeMs: number; checkMs: number }
  /** Accounts whose cached balance differs from the ledger sum or from lots − debt; lots whose remaining differs from points − consumed. */
  inconsistent: { accounts: number; lots: number }
  /** Bytes on disk of the four tables with their indexes. */
  totalBytes: number
}

export function benchSchema(accounts: number): string {
  return `retention_bench_loyalty_${accounts}`
}

/** A connected client whose search_path is the bench schema. */
export function connect(url: string, schema: string, applicationName = "retention_bench_loyalty"): Promise<Client> {
  return connectToSchema(url, schema, applicationName)
}

/**
 * Makes sure schema `benchSchema(accounts)` holds `accounts` ledgers; returns what it holds.
 * `onBackend` is told the pid of every PostgreSQL backend the load uses (for RSS sampling).
 */
export async function ensureLoaded(
  url: string,
  accounts: number,
  options: { seed: number; onBackend?: (pid: number) => void; log?: (line: string) => void }
): Promise<LoadSummary> {
  const schema = benchSchema(accounts)
  const migration = readMigrationSql()
  const log = options.log ?? (() => undefined)
  const admin = await connect(url, schema)
  try {
    options.onBackend?.(await backendPid(admin))
    const existing = await readMarker(admin, schema)
    if (existing && existing.generator_version === GENERATOR_VERSION && Number(existing.accounts) === accounts && existing.seed === options.seed) {
      if (existing.schema_hash === migration.hash) {
        return { ...summaryOf(existing, schema), reused: true, totalBytes: await tableBytes(admin) }
      }
      if (await upgradeInPlace(admin, schema, migration, log)) {
        await admin.query(`UPDATE ${MARKER_TABLE} SET schema_hash = $1`, [migration.hash])
        return { ...summaryOf(existing, schema), reused: true, totalBytes: await tableBytes(admin) }
      }
    }

    // Fresh schema with the shipped tables, then without their primary keys and indexes.
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
    await admin.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`)
    for (const sql of migration.statements) {
      await admin.query(sql)
    }
    // What the migrations left on the loaded tables (a later migration may drop or add indexes):
    // drop it all now, put it back after the load.
    const keys = await dropKeysAndIndexes(admin, schema, LOADED_TABLES, migration.indexes)
    log(`dropped ${keys.constraints.length} constraints and ${keys.indexes.length} indexes before the load`)

    // Anchor the ledgers at the start of today (UTC): balances read "now" see a few days of drift at most.
    const now = Date.now()
    const ledger: LedgerOptions = { seed: options.seed, anchor: new Date(now - (now % 86_400_000)) }
    let started = performance.now()
    const counts = await copyLedgers(url, schema, accounts, ledger, options.onBackend, log)
    const copyMs = performance.now() - started
    log(`copied ${accounts} accounts, ${counts.transactions} transactions, ${counts.lots} lots, ${counts.allocations} allocations in ${(copyMs / 1000).toFixed(1)} s`)

    started = performance.now()
    await rebuildKeys(url, schema, keys, {
      tableOrder: ["points_transaction", "points_lot", "points_allocation", "loyalty_account"],
      applicationName: "retention_bench_loyalty_index",
      onBackend: options.onBackend,
    })
    const indexMs = performance.now() - started
    log(`${keys.constraints.length} constraints + ${keys.indexes.length} indexes in ${(indexMs / 1000).toFixed(1)} s`)

    started = performance.now()
    for (const table of LOADED_TABLES) {
      await admin.query(`ANALYZE ${quoteIdentifier(table)}`)
    }
    const analyzeMs = performance.now() - started

    started = performance.now()
    const inconsistent = await checkConsistency(admin)
    const checkMs = performance.now() - started
    log(`ANALYZE ${(analyzeMs / 1000).toFixed(1)} s; consistency check ${(checkMs / 1000).toFixed(1)} s: ${JSON.stringify(inconsistent)}`)
    if (inconsistent.accounts || inconsistent.lots) {
      throw new Error(`the loaded ledger is inconsistent: ${JSON.stringify(inconsistent)}`)
    }

    await admin.query(`CREATE TABLE ${MARKER_TABLE} (
      generator_version int NOT NULL, schema_hash text NOT NULL, seed int NOT NULL, anchor timestamptz NOT NULL,
      accounts bigint NOT NULL, transactions bigint NOT NULL, lots bigint NOT NULL, allocations bigint NOT NULL,
      copy_ms double precision NOT NULL, index_ms double precision NOT NULL, analyze_ms double precision NOT NULL,
      check_ms double precision NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`)
    await admin.query(
      `INSERT INTO ${MARKER_TABLE} (generator_version, schema_hash, seed, anchor, accounts, transactions, lots, allocations, copy_ms, index_ms, analyze_ms, check_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [GENERATOR_VERSION, migration.hash, options.seed, ledger.anchor, accounts, counts.transactions, counts.lots, counts.allocations, copyMs, indexMs, analyzeMs, checkMs]
    )
    const marker = await readMarker(admin, schema)
    return { ...summaryOf(marker!, schema), reused: false, totalBytes: await tableBytes(admin) }
  } finally {
    await admin.end()
  }
}

export const LOADED_TABLES = ["loyalty_account", "points_transaction", "points_lot", "points_allocation"] as const

/**
 * Brings a loaded schema up to migrations that changed since it was loaded, when they leave the
 * four loaded tables exactly as they are (e.g. a migration adding another module table): runs the
 * migrations in a scratch schema, compares the four tables' definitions, and if they match runs the
 * (idempotent, `IF NOT EXISTS`) statements in the loaded schema and checks that the whole schema
 * now matches the scratch one. Returns false, changing nothing, when the loaded tables differ.
 */
async function upgradeInPlace(client: Client, schema: string, migration: MigrationSql, log: (line: string) => void): Promise<boolean> {
  const scratch = `${schema}_migrations_${process.pid}`
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(scratch)} CASCADE`)
    await client.query(`CREATE SCHEMA ${quoteIdentifier(scratch)}`)
    await client.query(`SET search_path TO ${quoteIdentifier(scratch)}`)
    for (const sql of migration.statements) {
      await client.query(sql)
    }
    await client.query(`SET search_path TO ${quoteIdentifier(schema)}`)
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((line, i) => line === b[i])
    if (!same(await schemaFingerprint(client, scratch, MARKER_TABLE, LOADED_TABLES), await schemaFingerprint(client, schema, MARKER_TABLE, LOADED_TABLES))) {
      log("the migrations changed the loaded tables: reloading")
      return false
    }
    await client.query("BEGIN")
    try {
      for (const sql of migration.statements) {
        await client.query(sql)
      }
      if (!same(await schemaFingerprint(client, scratch, MARKER_TABLE), await schemaFingerprint(client, schema, MARKER_TABLE))) {
        throw new Error("the schema differs from a fresh migration run")
      }
    } catch (e) {
      await client.query("ROLLBACK")
      log(`the migrations do not apply in place (${(e as Error).message}): reloading`)
      return false
    }
    await client.query("COMMIT")
    log("new migrations leave the loaded tables unchanged: applied them in place, data reused")
    return true
  } finally {
    await client.query(`SET search_path TO ${quoteIdentifier(schema)}`)
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(scratch)} CASCADE`)
  }
}

type MarkerRow = {
  generator_version: number
  schema_hash: string
  seed: number
  anchor: Date
  accounts: string
  transactions: string
  lots: string
  allocations: string
  copy_ms: number
  index_ms: number
  analyze_ms: number
  check_ms: number
  loaded_at: Date
}

function readMarker(client: Client, schema: string): Promise<MarkerRow | null> {
  return readSchemaMarker<MarkerRow>(client, schema, MARKER_TABLE)
}

function summaryOf(marker: MarkerRow, schema: string): Omit<LoadSummary, "reused" | "totalBytes"> {
  return {
    schema,
    accounts: Number(marker.accounts),
    transactions: Number(marker.transactions),
    lots: Number(marker.lots),
    allocations: Number(marker.allocations),
    anchor: marker.anchor,
    seed: marker.seed,
    loadedAt: marker.loaded_at,
    timings: { copyMs: marker.copy_ms, indexMs: marker.index_ms, analyzeMs: marker.analyze_ms, checkMs: marker.check_ms },
    inconsistent: { accounts: 0, lots: 0 },
  }
}

async function tableBytes(client: Client): Promise<number> {
  const { rows } = await client.query<{ bytes: string }>(
    `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
       AND c.relname IN ('loyalty_account', 'points_transaction', 'points_lot', 'points_allocation')`
  )
  return Number(rows[0].bytes)
}

/** Ledger consistency over the whole schema (hash aggregates; ~a minute at 1M accounts). */
export async function checkConsistency(client: Client): Promise<{ accounts: number; lots: number }> {
  const accounts = await client.query<{ n: string }>(`
    SELECT count(*) AS n
    FROM loyalty_account a
    LEFT JOIN (SELECT account_id, sum(points) AS s FROM points_transaction GROUP BY account_id) t ON t.account_id = a.id
    LEFT JOIN (SELECT account_id, sum(remaining) AS s FROM points_lot GROUP BY account_id) l ON l.account_id = a.id
    WHERE a.points_balance <> coalesce(t.s, 0) OR a.points_balance <> coalesce(l.s, 0) - a.points_debt`)
  const lots = await client.query<{ n: string }>(`
    SELECT count(*) AS n
    FROM points_lot l
    LEFT JOIN (
      SELECT lot_id, sum(CASE kind WHEN 'restore' THEN -points ELSE points END) AS s
      FROM points_allocation GROUP BY lot_id
    ) a ON a.lot_id = l.id
    WHERE l.remaining <> l.points - coalesce(a.s, 0)`)
  return { accounts: Number(accounts.rows[0].n), lots: Number(lots.rows[0].n) }
}

type Sink = { client: Client; stream: NodeJS.WritableStream & { rowCount: number }; buffer: string; signal: AbortSignal }

/** One pass over the accounts, four concurrent COPY streams; returns the rows PostgreSQL acknowledged. */
async function copyLedgers(
  url: string,
  schema: string,
  accounts: number,
  ledger: LedgerOptions,
  onBackend: ((pid: number) => void) | undefined,
  log: (line: string) => void
): Promise<{ accounts: number; transactions: number; lots: number; allocations: number }> {
  const targets = [
    { table: "loyalty_account", columns: ACCOUNT_COLUMNS },
    { table: "points_transaction", columns: TRANSACTION_COLUMNS },
    { table: "points_lot", columns: LOT_COLUMNS },
    { table: "points_allocation", columns: ALLOCATION_COLUMNS },
  ]
  const sinks: Sink[] = []
  // A COPY that fails aborts the waits on the others' drain, so the load fails instead of hanging.
  const failed = new AbortController()
  try {
    for (const target of targets) {
      const client = await connect(url, schema, "retention_bench_loyalty_load")
      // Pushed into sinks at once so the finally below closes it even if a later step fails.
      const sink: Sink = { client, stream: null as unknown as Sink["stream"], buffer: "", signal: failed.signal }
      sinks.push(sink)
      onBackend?.(await backendPid(client))
      await client.query("BEGIN")
      // Truncated in this transaction, so COPY FREEZE may write the rows frozen and all-visible.
      await client.query(`TRUNCATE ${quoteIdentifier(target.table)}`)
      const columns = target.columns.map(quoteIdentifier).join(", ")
      sink.stream = client.query(copyFrom(`COPY ${quoteIdentifier(target.table)} (${columns}) FROM STDIN WITH (FREEZE)`))
      sink.stream.on("error", (e: Error) => failed.abort(e))
    }
    const [account, transaction, lot, allocation] = sinks
    const progressEvery = Math.max(1, Math.ceil(accounts / 10))
    const started = performance.now()
    for (let i = 0; i < accounts; i++) {
      const rows = accountLedger(ledger, i)
      account.buffer += copyRow(rows.account)
      for (const row of rows.transactions) transaction.buffer += copyRow(row)
      for (const row of rows.lots) lot.buffer += copyRow(row)
      for (const row of rows.allocations) allocation.buffer += copyRow(row)
      for (const sink of sinks) {
        if (sink.buffer.length >= CHUNK_CHARS) {
          await write(sink)
        }
      }
      if ((i + 1) % progressEvery === 0) {
        log(`  ${i + 1} accounts generated (${((performance.now() - started) / 1000).toFixed(0)} s)`)
      }
    }
    for (const sink of sinks) {
      if (sink.buffer) {
        await write(sink)
      }
      sink.stream.end()
    }
    await Promise.all(sinks.map((sink) => finished(sink.stream)))
    if (failed.signal.aborted) {
      throw failed.signal.reason
    }
    for (const sink of sinks) {
      await sink.client.query("COMMIT")
    }
    return {
      accounts: account.stream.rowCount,
      transactions: transaction.stream.rowCount,
      lots: lot.stream.rowCount,
      allocations: allocation.stream.rowCount,
    }
  } finally {
    for (const sink of sinks) {
      await sink.client.end().catch(() => undefined)
    }
  }
}

/** Writes the sink's buffer; waits for the socket to drain when PostgreSQL is behind (rejects if the COPY fails). */
async function write(sink: Sink): Promise<void> {
  const chunk = sink.buffer
  sink.buffer = ""
  if (sink.signal.aborted) {
    throw sink.signal.reason
  }
  if (!sink.stream.write(chunk)) {
    await once(sink.stream, "drain", { signal: sink.signal })
  }
}
