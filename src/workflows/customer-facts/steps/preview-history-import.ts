import type { MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { CustomerEmailMatcher, lastRowPerEmail, planCustomerBatch } from "../../../modules/customer-facts/utils/history-customers"
import { UNKNOWN_SKU_SAMPLE } from "../../../modules/customer-facts/utils/history-import-sql"
import { buildImportedOrders, type OrderHeader } from "../../../modules/customer-facts/utils/history-orders"
import { parseCustomerRow, parseOrderRow, type CustomerRow, type OrderRow } from "../../../modules/customer-facts/utils/history-rows"
import { importedConsents } from "./import-history-customers"
import { variantsBySku } from "./import-history-orders"
import {
  failHistoryImport,
  HISTORY_BATCH_SIZE,
  HistoryImportProgress,
  streamHistoryFile,
  type HistoryImportRecord,
} from "./history-import-progress"

export type PreviewHistoryImportStepInput = { import_id: string; batch_size?: number }

/** Customers a dry run would create have no id yet: orders name them by e-mail. */
const pendingId = (email: string) => `new:${email}`

/**
 * What the import would remember between batches, in temporary tables of the dry run's own
 * transaction (rolled back at the end): the e-mails it would create, the orders, lines and unknown
 * SKUs it has seen. Memory stays flat and the counts are distinct over the whole file.
 */
const TEMP_TABLES = [
  `create temp table history_preview_email (email text primary key) on commit drop`,
  `create temp table history_preview_order (order_key text primary key, customer_id text not null, placed_at timestamptz not null, currency_code text not null) on commit drop`,
  `create temp table history_preview_line (order_key text not null, line_key text not null, primary key (order_key, line_key)) on commit drop`,
  `create temp table history_preview_sku (sku text primary key) on commit drop`,
]

async function insertNew(trx: Knex, sql: string, bindings: Knex.RawBinding[]): Promise<number> {
  const { rowCount } = await trx.raw(sql, bindings)
  return rowCount ?? 0
}

async function previewCustomerBatch(
  container: MedusaContainer,
  trx: Knex,
  job: HistoryImportRecord,
  rows: CustomerRow[],
  progress: HistoryImportProgress,
  matcher: CustomerEmailMatcher
) {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const batch = lastRowPerEmail(rows)
  const existing = await matcher.find(trx, batch.map((r) => r.email))
  const plan = planCustomerBatch(batch, existing, job.id)
  const created = await insertNew(
    trx,
    `insert into history_preview_email (email) select unnest(?::text[]) on conflict do nothing`,
    [plan.create.map((c) => c.email)]
  )
  const idByEmail = new Map([...existing.values()].map((c) => [c.email, c.id]))
  // A customer to create has no consent yet: its consent (given or not) would be recorded.
  const consents = await importedConsents(facts, batch.filter((r) => idByEmail.has(r.email)), idByEmail, new Date())
  const latest = new Map<string, boolean>()
  if (consents.length) {
    const records = await facts.listConsentRecords(
      { customer_id: consents.map((c) => c.customer_id), purpose: "email_marketing" },
      { select: ["customer_id", "granted"], order: { recorded_at: "DESC", created_at: "DESC" } }
    )
    for (const r of records) {
      if (!latest.has(r.customer_id)) {
        latest.set(r.customer_id, r.granted)
      }
    }
  }
  progress.add("customers_created", created)
  progress.add("customers_matched", plan.matched.length)
  progress.add("customers_updated", plan.update.length)
  progress.add("consents_recorded", created + consents.filter((c) => latest.get(c.customer_id) !== c.granted).length)
}

async function previewOrderBatch(
  container: MedusaContainer,
  trx: Knex,
  rows: OrderRow[],
  progress: HistoryImportProgress,
  matcher: CustomerEmailMatcher
) {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const emails = [...new Set(rows.map((r) => r.email))]
  const customers = await matcher.find(trx, emails)
  const idByEmail = new Map([...customers.values()].map((c) => [c.email, c.id]))
  const { rows: pending } = await trx.raw(`select email from history_preview_email where email = any(?::text[])`, [emails])
  for (const { email } of pending as { email: string }[]) {
    if (!idByEmail.has(email)) {
      idByEmail.set(email, pendingId(email))
    }
  }
  const keys = [...new Set(rows.map((r) => r.order_ref))]
  const { rows: seen } = await trx.raw(
    `select order_key, customer_id, placed_at, currency_code from history_preview_order where order_key = any(?::text[])`,
    [keys]
  )
  const known = new Map<string, OrderHeader>(
    (seen as (OrderHeader & { order_key: string })[]).map((o) => [o.order_key, { customer_id: o.customer_id, placed_at: new Date(o.placed_at), currency_code: o.currency_code }])
  )
  const batch = buildImportedOrders(rows, idByEmail, await variantsBySku(container, [...new Set(rows.map((r) => r.sku))]), known)
  for (const error of batch.errors) {
    progress.lineErrors([error])
  }
  const { rows: firstSeen } = await trx.raw(
    `insert into history_preview_order (order_key, customer_id, placed_at, currency_code)
     select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[]) on conflict do nothing returning order_key`,
    [
      batch.orders.map((o) => o.order_key),
      batch.orders.map((o) => o.customer_id),
      batch.orders.map((o) => o.placed_at),
      batch.orders.map((o) => o.currency_code),
    ]
  )
  const newKeys = (firstSeen as { order_key: string }[]).map((o) => o.order_key)
  const stored = newKeys.length
    ? await facts.listOrderFacts({ source: "import", order_key: newKeys }, { select: ["order_key"] })
    : []
  progress.add("orders_created", newKeys.length - stored.length)
  progress.add("orders_updated", stored.length)
  const lines = batch.orders.flatMap((o) => o.lines.map((l) => [o.order_key, l.line_key]))
  progress.add(
    "lines_upserted",
    await insertNew(
      trx,
      `insert into history_preview_line (order_key, line_key) select * from unnest(?::text[], ?::text[]) on conflict do nothing`,
      [lines.map((l) => l[0]), lines.map((l) => l[1])]
    )
  )
  progress.add(
    "unknown_sku_count",
    await insertNew(trx, `insert into history_preview_sku (sku) select unnest(?::text[]) on conflict do nothing`, [batch.unknown_skus])
  )
}

/**
 * A dry run: the same parsing, validation and lookups as the import, counting what it would
 * create, match, update and upsert, the unknown SKUs and the errors, and writing nothing but the
 * import's own record. Runs both files in one transaction that is rolled back. Nothing to
 * compensate.
 */
export const previewHistoryImportStep = createStep(
  "preview-history-import",
  async (input: PreviewHistoryImportStepInput, { container }) => {
    const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
    const files = container.resolve(Modules.FILE)
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const job = await facts.retrieveHistoryImport(input.import_id)
    const progress = new HistoryImportProgress(container, job)
    const batchSize = input.batch_size ?? HISTORY_BATCH_SIZE
    const trx = await pg.transaction()
    try {
      for (const sql of TEMP_TABLES) {
        await trx.raw(sql)
      }
      const matcher = await CustomerEmailMatcher.load(trx)
      if (job.customers_file_key) {
        await streamHistoryFile({
          source: await files.getDownloadStream(job.customers_file_key),
          file: "customers.csv",
          parse: parseCustomerRow,
          progress,
          rowsField: "customers_rows",
          resumeAfterLine: 0,
          bytesBefore: 0,
          batchSize,
          onBatch: (rows) => previewCustomerBatch(container, trx, job, rows, progress, matcher),
          onCheckpoint: (line) => progress.save({ customers_line: line }),
        })
        await progress.save({ customers_done: true })
      }
      if (job.orders_file_key) {
        await streamHistoryFile({
          source: await files.getDownloadStream(job.orders_file_key),
          file: "orders.csv",
          parse: parseOrderRow,
          progress,
          rowsField: "orders_rows",
          resumeAfterLine: 0,
          bytesBefore: job.customers_file_size,
          batchSize,
          onBatch: (rows) => previewOrderBatch(container, trx, rows, progress, matcher),
          onCheckpoint: (line) => progress.save({ orders_line: line }),
        })
      }
      const { rows: sample } = await trx.raw(`select sku from history_preview_sku order by sku limit ?`, [UNKNOWN_SKU_SAMPLE])
      await progress.save({ orders_done: !!job.orders_file_key, unknown_skus: sample.map((s: { sku: string }) => s.sku) })
    } catch (e) {
      await failHistoryImport(facts, job.id, e)
      throw e
    } finally {
      await trx.rollback()
    }
    return new StepResponse({ rows: progress.counts.customers_rows + progress.counts.orders_rows })
  }
)
