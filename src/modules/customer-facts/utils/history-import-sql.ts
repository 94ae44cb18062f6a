import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RowError } from "./history-csv"

/** An import whose record has not moved for this long is taken for dead (its process crashed). */
export const HISTORY_IMPORT_STALE_MS = 10 * 60_000

/** How many of the SKUs no variant has an import lists. */
export const UNKNOWN_SKU_SAMPLE = 50

/** Real imports run one at a time: their counts are read back from rows written since they started. */
const ONE_IMPORT_LOCK = "customer_facts.history_import"

export const HISTORY_COUNT_FIELDS = [
  "customers_rows",
  "orders_rows",
  "customers_created",
  "customers_matched",
  "customers_updated",
  "consents_recorded",
  "orders_created",
  "orders_updated",
  "lines_upserted",
  "unknown_sku_count",
  "rows_with_errors",
] as const
export type HistoryCount = (typeof HISTORY_COUNT_FIELDS)[number]

export type HistoryProgressPatch = Partial<Record<HistoryCount | "bytes_read" | "customers_line" | "orders_line", number>> & {
  customers_done?: boolean
  orders_done?: boolean
  unknown_skus?: string[]
  errors?: RowError[]
}

const PROGRESS_COLUMNS = new Set<string>([
  ...HISTORY_COUNT_FIELDS,
  "bytes_read",
  "customers_line",
  "orders_line",
  "customers_done",
  "orders_done",
  "unknown_skus",
  "errors",
])

/**
 * Saves an import's progress in one statement: counts, first errors, bytes and the line reached
 * stay consistent with each other whenever the process stops. (The module's generated update
 * types JSON columns as objects; `errors` is a JSON array.)
 */
export async function saveHistoryImportProgress(knex: Knex, id: string, patch: HistoryProgressPatch): Promise<void> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined)
  const bindings: Knex.RawBinding[] = []
  const sets = entries.map(([column, value]) => {
    if (!PROGRESS_COLUMNS.has(column)) {
      throw new Error(`history_import.${column} is not a progress column`)
    }
    bindings.push(column, column === "errors" ? JSON.stringify(value) : (value as Knex.RawBinding))
    return column === "errors" ? `?? = ?::jsonb` : column === "unknown_skus" ? `?? = ?::text[]` : `?? = ?`
  })
  await knex.raw(`update history_import set ${[...sets, "updated_at = now()"].join(", ")} where id = ?`, [...bindings, id])
}

export type BlockingImport = { id: string; status: string; updated_at: Date }

/** A real import, other than `exceptId`, that is waiting or running and not stale. */
export async function findBlockingImport(knex: Knex, exceptId: string | null, now: Date): Promise<BlockingImport | null> {
  const { rows } = await knex.raw(
    `select id, status, updated_at from history_import
     where deleted_at is null and not dry_run and status in ('pending', 'running') and id <> ? and updated_at >= ?
     order by created_at limit 1`,
    [exceptId ?? "", new Date(now.getTime() - HISTORY_IMPORT_STALE_MS)]
  )
  return rows[0] ?? null
}

export type ClaimResult = { claimed: true; started_at: Date } | { claimed: false; status: string | null; blocking: BlockingImport | null }

/**
 * Marks an import running, atomically: only a pending or failed one, or a running one whose
 * process is gone (stale), and a real import only while no other real import runs. Keeps the
 * first start time, so a resumed import counts what its earlier attempts wrote.
 */
export async function claimHistoryImport(knex: Knex, id: string, now: Date): Promise<ClaimResult> {
  return knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(hashtext(?))`, [ONE_IMPORT_LOCK])
    const stale = new Date(now.getTime() - HISTORY_IMPORT_STALE_MS)
    const [job] = (
      await trx.raw(`select id, status, dry_run, updated_at from history_import where id = ? and deleted_at is null for update`, [id])
    ).rows as { id: string; status: string; dry_run: boolean; updated_at: Date }[]
    if (!job) {
      return { claimed: false, status: null, blocking: null }
    }
    const claimable = job.status === "pending" || job.status === "failed" || (job.status === "running" && job.updated_at < stale)
    const blocking = job.dry_run ? null : await findBlockingImportRunning(trx, id, stale)
    if (!claimable || blocking) {
      return { claimed: false, status: job.status, blocking }
    }
    const { rows } = await trx.raw(
      `update history_import set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, ?),
              failure = null, finished_at = null, updated_at = ?
       where id = ? returning started_at`,
      [now, now, id]
    )
    return { claimed: true, started_at: rows[0].started_at }
  })
}

async function findBlockingImportRunning(knex: Knex, id: string, stale: Date): Promise<BlockingImport | null> {
  const { rows } = await knex.raw(
    `select id, status, updated_at from history_import
     where deleted_at is null and not dry_run and status = 'running' and id <> ? and updated_at >= ? limit 1`,
    [id, stale]
  )
  return rows[0] ?? null
}

export type ImportedCounts = {
  orders_created: number
  orders_updated: number
  lines_upserted: number
  unknown_sku_count: number
  unknown_skus: string[]
  consents_recorded: number
}

/**
 * What a real import wrote, read back from the facts written since it first started (its
 * attempts included, nothing twice): orders created (new keys) and updated, lines upserted,
 * SKUs kept as external products, consent records. Exact because real imports run one at a time
 * and Medusa's own order facts never touch imported rows.
 */
export async function readImportedCounts(knex: Knex, since: Date): Promise<ImportedCounts> {
  const { rows } = await knex.raw(
    `select (select count(*)::int from order_fact where source = 'import' and created_at >= ?) as orders_created,
            (select count(distinct order_key)::int from purchase_fact where source = 'import' and updated_at >= ?) as orders_upserted,
            (select count(*)::int from purchase_fact where source = 'import' and updated_at >= ?) as lines_upserted,
            (select count(distinct sku)::int from purchase_fact
              where source = 'import' and updated_at >= ? and variant_id is null and product_id is null) as unknown_sku_count,
            (select count(*)::int from consent_record where source = 'import' and recorded_at >= ? and deleted_at is null) as consents_recorded`,
    [since, since, since, since, since]
  )
  const { rows: sample } = await knex.raw(
    `select distinct sku from purchase_fact
     where source = 'import' and updated_at >= ? and variant_id is null and product_id is null
     order by sku limit ?`,
    [since, UNKNOWN_SKU_SAMPLE]
  )
  const r = rows[0]
  return {
    orders_created: r.orders_created,
    orders_updated: r.orders_upserted - r.orders_created,
    lines_upserted: r.lines_upserted,
    unknown_sku_count: r.unknown_sku_count,
    unknown_skus: sample.map((s: { sku: string }) => s.sku),
    consents_recorded: r.consents_recorded,
  }
}
