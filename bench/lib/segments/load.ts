/**
 * BENCH-ONLY. Fills a bench schema `retention_bench_segments_<customers>` with the customer-facts
 * read model (and the segments tables) at scale, unless a previous run left exactly that there.
 *
 * The load:
 * 1. the foundation's bulk generator (bench/lib/bulk-generator.ts) COPYs the demo plans into its
 *    staging tables (schema retention_bench_seed): customers and ~10 purchased lines each;
 * 2. the bench schema gets both modules' shipped tables (their migrations' up() SQL); the primary
 *    keys and indexes of the four tables filled here are dropped;
 * 3. customer_fact, consent_record (the staging consent flag as an imported grant), order_fact
 *    and purchase_fact are filled set-based with INSERT … SELECT from the staging tables (imported
 *    history: source `import`, line key = SKU; product and variant ids derived from the product
 *    handle and SKU, see productId/variantId); keys and indexes come back from the migration SQL;
 * 4. ANALYZE, then the module's real `recomputeAggregates()` (everyone) and `recomputeRfm()` build
 *    customer_spend_fact, customer_product_fact, the aggregates, consent flags and RFM scores from
 *    those facts, on tables that have all their indexes (as in a store); both are timed;
 * 5. VACUUM (ANALYZE) of every facts table, and a marker table written last records what was
 *    loaded. A later run with the same size, seed, anchor, generator version and migration SQL
 *    reuses the schema; new migrations that apply in place (e.g. an added index) are applied.
 */
import { createHash } from "node:crypto"
import path from "node:path"
import { Client } from "@medusajs/framework/pg"
import { quoteIdentifier } from "../../../dev/database"
import { rawBigNumberSql } from "../../../src/modules/customer-facts/utils/big-number-column"
import { bulkLoad } from "../bulk-generator"
import { readMigrationSql } from "../loyalty/migration-sql"
import { CUSTOMER_TABLE, PURCHASE_LINE_TABLE } from "../seed-schema"
import { backendPid, connect as connectToSchema, dropKeysAndIndexes, readMarker as readSchemaMarker, rebuildKeys, schemaFingerprint } from "../schema"
import { stopwatch } from "../stopwatch"
import { MODULES_DIR } from "../module-loader"
import { loadModules } from "./module"

/** Bump when the loaded data changes, so old bench schemas are reloaded. */
export const GENERATOR_VERSION = 1
export const MARKER_TABLE = "bench_segments_marker"

/** Filled by the bench itself (indexes dropped during the load, rebuilt from the migrations). */
export const LOADED_TABLES = ["customer_fact", "consent_record", "order_fact", "purchase_fact"] as const
/** Every table of the facts read model. */
export const FACT_TABLES = [...LOADED_TABLES, "customer_spend_fact", "customer_product_fact", "rfm_cutoff"] as const

const PRODUCT_ID_PREFIX = "prod_bench_"
const VARIANT_ID_PREFIX = "variant_bench_"
/** The product id the bench gives a demo product (the staging rows carry its handle). */
export const productId = (handle: string) => `${PRODUCT_ID_PREFIX}${handle}`
/** The variant id the bench gives a demo SKU. */
export const variantId = (sku: string) => `${VARIANT_ID_PREFIX}${sku}`

export type LoadOptions = {
  seed: number
  /** The day histories end on; the bench's "now". */
  anchor: Date
  linesPerCustomer: number
  onBackend?: (pid: number) => void
  log?: (line: string) => void
}

export type LoadTimings = {
  stagingMs: number
  insertMs: number
  indexMs: number
  analyzeMs: number
  aggregatesMs: number
  rfmMs: number
  vacuumMs: number
}

export type LoadSummary = {
  schema: string
  reused: boolean
  customers: number
  orders: number
  lines: number
  productFacts: number
  spendFacts: number
  seed: number
  anchor: Date
  loadedAt: Date
  timings: LoadTimings
  /** Bytes on disk of the facts tables with their indexes, per table. */
  tableBytes: Record<string, number>
}

export function benchSchema(customers: number): string {
  return `retention_bench_segments_${customers}`
}

/** A connected client whose search_path is the bench schema. */
export function connect(url: string, schema: string, applicationName = "retention_bench_segments"): Promise<Client> {
  return connectToSchema(url, schema, applicationName)
}

type Migrations = { statements: string[]; indexes: { name: string; table: string; sql: string }[]; hash: string }

/** Both modules' up() SQL: customer facts, then segments. */
export function readMigrations(): Migrations {
  const facts = readMigrationSql(path.join(MODULES_DIR, "customer-facts", "migrations"))
  const segments = readMigrationSql(path.join(MODULES_DIR, "segments", "migrations"))
  return {
    statements: [...facts.statements, ...segments.statements],
    indexes: [...facts.indexes, ...segments.indexes],
    hash: createHash("sha256").update(`${facts.hash}:${segments.hash}`).digest("hex").slice(0, 16),
  }
}

/** Makes sure schema `benchSchema(customers)` holds the facts of `customers` planned customers. */
export async function ensureLoaded(url: string, customers: number, options: LoadOptions): Promise<LoadSummary> {
  const schema = benchSchema(customers)
  const migrations = readMigrations()
  const log = options.log ?? (() => undefined)
  const admin = await connect(url, schema)
  try {
    options.onBackend?.(await backendPid(admin))
    const existing = await readMarker(admin, schema)
    if (
      existing &&
      existing.generator_version === GENERATOR_VERSION &&
      Number(existing.customers) === customers &&
      existing.seed === options.seed &&
      existing.lines_per_customer === options.linesPerCustomer &&
      existing.anchor.getTime() === options.anchor.getTime()
    ) {
      if (existing.schema_hash === migrations.hash || (await upgradeInPlace(admin, schema, migrations, log))) {
        if (existing.schema_hash !== migrations.hash) {
          await admin.query(`UPDATE ${MARKER_TABLE} SET schema_hash = $1`, [migrations.hash])
        }
        await vacuumUntilClean(admin, log)
        return { ...summaryOf(existing, schema), reused: true, tableBytes: await tableBytes(admin) }
      }
    }

    let clock = stopwatch()
    const staging = new Client({ connectionString: url, application_name: "retention_bench_segments_staging" })
    await staging.connect()
    try {
      options.onBackend?.(await backendPid(staging))
      const loaded = await bulkLoad(staging, {
        customers,
        seed: options.seed,
        anchor: options.anchor,
        linesPerCustomer: options.linesPerCustomer,
        method: "copy",
      })
      log(`staging: ${loaded.customers} customers, ${loaded.lines} lines, ${loaded.orders} orders`)
    } finally {
      await staging.end()
    }
    const stagingMs = clock()
    log(`staging tables loaded in ${(stagingMs / 1000).toFixed(1)} s`)

    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
    await admin.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`)
    for (const sql of migrations.statements) {
      await admin.query(sql)
    }
    const keys = await dropKeysAndIndexes(admin, schema, LOADED_TABLES, migrations.indexes)
    log(`dropped ${keys.constraints.length} constraints and ${keys.indexes.length} indexes before the load`)

    clock = stopwatch()
    await insertFacts(url, schema, options.anchor, options.onBackend)
    const insertMs = clock()
    log(`facts inserted in ${(insertMs / 1000).toFixed(1)} s`)
    await rebuildKeys(url, schema, keys, {
      tableOrder: ["purchase_fact", "order_fact", "customer_fact", "consent_record"],
      applicationName: "retention_bench_segments_index",
      onBackend: options.onBackend,
    })
    const indexMs = clock()
    log(`${keys.constraints.length} constraints + ${keys.indexes.length} indexes in ${(indexMs / 1000).toFixed(1)} s`)
    for (const table of FACT_TABLES) {
      await admin.query(`ANALYZE ${quoteIdentifier(table)}`)
    }
    const analyzeMs = clock()

    // The module's own full recomputation, through its service (one transaction each).
    const modules = await loadModules(url, schema)
    let aggregatesMs: number
    let rfmMs: number
    try {
      for (const backend of await modules.backendPids()) options.onBackend?.(backend)
      clock()
      await modules.facts.recomputeAggregates()
      aggregatesMs = clock()
      log(`recomputeAggregates() for everyone in ${(aggregatesMs / 1000).toFixed(1)} s`)
      const { customers_scored } = await modules.facts.recomputeRfm({ now: options.anchor })
      rfmMs = clock()
      log(`recomputeRfm() in ${(rfmMs / 1000).toFixed(1)} s (${customers_scored} scores changed)`)
    } finally {
      await modules.shutdown()
    }

    clock()
    for (const table of FACT_TABLES) {
      await admin.query(`VACUUM (ANALYZE) ${quoteIdentifier(table)}`)
    }
    await vacuumUntilClean(admin, log)
    const vacuumMs = clock()
    log(`VACUUM (ANALYZE) in ${(vacuumMs / 1000).toFixed(1)} s`)

    const { rows } = await admin.query<Record<string, string>>(`SELECT
      (SELECT count(*) FROM customer_fact) AS customers, (SELECT count(*) FROM order_fact) AS orders,
      (SELECT count(*) FROM purchase_fact) AS lines, (SELECT count(*) FROM customer_product_fact) AS product_facts,
      (SELECT count(*) FROM customer_spend_fact) AS spend_facts`)
    const counts = rows[0]
    await admin.query(`CREATE TABLE ${MARKER_TABLE} (
      generator_version int NOT NULL, schema_hash text NOT NULL, seed int NOT NULL, anchor timestamptz NOT NULL,
      lines_per_customer int NOT NULL, customers bigint NOT NULL, orders bigint NOT NULL, lines bigint NOT NULL,
      product_facts bigint NOT NULL, spend_facts bigint NOT NULL, timings jsonb NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`)
    const timings: LoadTimings = { stagingMs, insertMs, indexMs, analyzeMs, aggregatesMs, rfmMs, vacuumMs }
    await admin.query(
      `INSERT INTO ${MARKER_TABLE} (generator_version, schema_hash, seed, anchor, lines_per_customer, customers, orders, lines, product_facts, spend_facts, timings)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        GENERATOR_VERSION,
        migrations.hash,
        options.seed,
        options.anchor,
        options.linesPerCustomer,
        counts.customers,
        counts.orders,
        counts.lines,
        counts.product_facts,
        counts.spend_facts,
        JSON.stringify(timings),
      ]
    )
    const marker = await readMarker(admin, schema)
    return { ...summaryOf(marker!, schema), reused: false, tableBytes: await tableBytes(admin) }
  } finally {
    await admin.end()
  }
}

/**
 * The staging rows as facts, set-based. Two connections: customers, consent and orders on one,
 * the lines (the largest table) on the other.
 */
async function insertFacts(url: string, schema: string, now: Date, onBackend?: (pid: number) => void): Promise<void> {
  const money = (expression: string) => rawBigNumberSql(expression)
  const customerSql = [
    `INSERT INTO customer_fact (id, customer_id, email, email_domain, has_account, customer_created_at, group_ids, metadata,
       country_code, city, postal_code, refreshed_at, created_at, updated_at)
     SELECT 'cfact_' || c.id, c.id, c.email, split_part(c.email, '@', 2), false, c.created_at, '{}', c.metadata,
       c.country_code, c.city, c.postal_code, $1, $1, $1
     FROM ${CUSTOMER_TABLE} c`,
    // The staging flag is the profile's e-mail marketing consent as imported.
    `INSERT INTO consent_record (id, customer_id, purpose, granted, source, recorded_at, created_at, updated_at)
     SELECT 'cons_bench_' || c.id, c.id, 'email_marketing', true, 'import', c.created_at, $1, $1
     FROM ${CUSTOMER_TABLE} c WHERE c.marketing_consent`,
    `INSERT INTO order_fact (id, source, order_key, customer_id, placed_at, currency_code, total, raw_total, refunded_total,
       raw_refunded_total, net_total, raw_net_total, item_quantity, created_at, updated_at)
     SELECT 'ofact_import_' || o.order_ref, 'import', o.order_ref, o.customer_id, o.placed_at, o.currency_code,
       o.total, ${money("o.total")}, 0, ${money("0")}, o.total, ${money("o.total")}, o.quantity, $1, $1
     FROM (SELECT order_ref, customer_id, placed_at, currency_code, sum(quantity * unit_amount) AS total, sum(quantity)::int AS quantity
           FROM ${PURCHASE_LINE_TABLE} GROUP BY order_ref, customer_id, placed_at, currency_code) o`,
  ]
  const lineSql = [
    `INSERT INTO purchase_fact (id, source, order_key, line_key, customer_id, placed_at, currency_code, product_id, variant_id, sku,
       quantity, refunded_quantity, net_quantity, unit_amount, raw_unit_amount, net_amount, raw_net_amount, created_at, updated_at)
     SELECT 'pfact_import_' || l.order_ref || '_' || l.sku, 'import', l.order_ref, l.sku, l.customer_id, l.placed_at, l.currency_code,
       $2 || l.product_handle, $3 || l.sku, l.sku, l.quantity, 0, l.quantity,
       l.unit_amount, ${money("l.unit_amount")}, l.quantity * l.unit_amount, ${money("l.quantity * l.unit_amount")}, $1, $1
     FROM ${PURCHASE_LINE_TABLE} l`,
  ]
  const run = async (statements: { text: string; values: unknown[] }[]) => {
    const client = await connect(url, schema, "retention_bench_segments_load")
    try {
      onBackend?.(await backendPid(client))
      await client.query("SET work_mem = '512MB'")
      await client.query("SET synchronous_commit = off")
      for (const statement of statements) {
        await client.query(statement)
      }
    } finally {
      await client.end()
    }
  }
  await Promise.all([
    run(customerSql.map((text) => ({ text, values: [now] }))),
    run(lineSql.map((text) => ({ text, values: [now, PRODUCT_ID_PREFIX, VARIANT_ID_PREFIX] }))),
  ])
}

/**
 * Brings a loaded schema up to migrations that changed since it was loaded, the way a store
 * migrates: the (idempotent, `IF NOT EXISTS`) statements run in the loaded schema in one
 * transaction, which is kept only if the schema then matches a fresh migration run in a scratch
 * schema. Returns false, changing nothing, otherwise (the data is then reloaded).
 */
async function upgradeInPlace(client: Client, schema: string, migrations: Migrations, log: (line: string) => void): Promise<boolean> {
  const scratch = `${schema}_migrations_${process.pid}`
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(scratch)} CASCADE`)
    await client.query(`CREATE SCHEMA ${quoteIdentifier(scratch)}`)
    await client.query(`SET search_path TO ${quoteIdentifier(scratch)}`)
    for (const sql of migrations.statements) {
      await client.query(sql)
    }
    await client.query(`SET search_path TO ${quoteIdentifier(schema)}`)
    const expected = await schemaFingerprint(client, scratch, MARKER_TABLE)
    await client.query("BEGIN")
    try {
      await client.query("SET LOCAL maintenance_work_mem = '1GB'")
      for (const sql of migrations.statements) {
        await client.query(sql)
      }
      const actual = await schemaFingerprint(client, schema, MARKER_TABLE)
      if (actual.length !== expected.length || actual.some((line, i) => line !== expected[i])) {
        throw new Error("the schema differs from a fresh migration run")
      }
    } catch (e) {
      await client.query("ROLLBACK")
      log(`the migrations do not apply in place (${(e as Error).message}): reloading`)
      return false
    }
    await client.query("COMMIT")
    for (const table of FACT_TABLES) {
      await client.query(`ANALYZE ${quoteIdentifier(table)}`)
    }
    log("new migrations applied in place, data reused")
    return true
  } finally {
    await client.query(`SET search_path TO ${quoteIdentifier(schema)}`)
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(scratch)} CASCADE`)
  }
}

const VACUUM_ATTEMPTS = 20
const VACUUM_RETRY_MS = 30_000

/**
 * VACUUMs the facts tables until none has more than 1% dead rows. The full recomputation rewrites
 * every customer_fact row several times; while another session holds an old snapshot (a long
 * transaction elsewhere in the cluster, e.g. another bench's load), VACUUM cannot remove those
 * versions and every scan would wade through them: the bench waits rather than measure that.
 */
async function vacuumUntilClean(client: Client, log: (line: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { rows } = await client.query<{ table: string; dead: string; live: string }>(
      `SELECT relname AS table, n_dead_tup AS dead, n_live_tup AS live FROM pg_stat_user_tables
       WHERE schemaname = current_schema() AND relname = ANY($1) AND n_dead_tup > greatest(1000, n_live_tup / 100)`,
      [FACT_TABLES]
    )
    if (!rows.length) {
      return
    }
    if (attempt > 1) {
      const { rows: holders } = await client.query<{ who: string }>(
        `SELECT coalesce(nullif(application_name, ''), 'pid ' || pid) || ' in ' || coalesce(datname, '?') || ' since ' || to_char(xact_start, 'HH24:MI:SS') AS who
         FROM pg_stat_activity WHERE backend_xmin IS NOT NULL AND pid <> pg_backend_pid() ORDER BY age(backend_xmin) DESC LIMIT 1`
      )
      log(`${rows.map((r) => `${r.table} ${r.dead} dead rows`).join(", ")} left after VACUUM; oldest snapshot: ${holders[0]?.who ?? "none"}`)
      if (attempt > VACUUM_ATTEMPTS) {
        throw new Error(`VACUUM cannot clean ${rows.map((r) => r.table).join(", ")}: another session holds an old snapshot`)
      }
      await new Promise((resolve) => setTimeout(resolve, VACUUM_RETRY_MS))
    }
    for (const r of rows) {
      await client.query(`VACUUM (ANALYZE) ${quoteIdentifier(r.table)}`)
    }
  }
}

type MarkerRow = {
  generator_version: number
  schema_hash: string
  seed: number
  anchor: Date
  lines_per_customer: number
  customers: string
  orders: string
  lines: string
  product_facts: string
  spend_facts: string
  timings: LoadTimings
  loaded_at: Date
}

function readMarker(client: Client, schema: string): Promise<MarkerRow | null> {
  return readSchemaMarker<MarkerRow>(client, schema, MARKER_TABLE)
}

function summaryOf(marker: MarkerRow, schema: string): Omit<LoadSummary, "reused" | "tableBytes"> {
  return {
    schema,
    customers: Number(marker.customers),
    orders: Number(marker.orders),
    lines: Number(marker.lines),
    productFacts: Number(marker.product_facts),
    spendFacts: Number(marker.spend_facts),
    seed: marker.seed,
    anchor: marker.anchor,
    loadedAt: marker.loaded_at,
    timings: marker.timings,
  }
}

async function tableBytes(client: Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ table: string; bytes: string }>(
    `SELECT c.relname AS table, pg_total_relation_size(c.oid)::bigint AS bytes FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname = ANY($1)`,
    [FACT_TABLES]
  )
  return Object.fromEntries(rows.map((r) => [r.table, Number(r.bytes)]))
}
