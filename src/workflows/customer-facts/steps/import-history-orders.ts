import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { CustomerEmailMatcher } from "../../../modules/customer-facts/utils/history-customers"
import { buildImportedOrders, type OrderHeader, type VariantRef } from "../../../modules/customer-facts/utils/history-orders"
import { parseOrderRow, type OrderRow } from "../../../modules/customer-facts/utils/history-rows"
import {
  failHistoryImport,
  HISTORY_BATCH_SIZE,
  HistoryImportProgress,
  streamHistoryFile,
  type HistoryImportRecord,
} from "./history-import-progress"
import { refreshCustomerFacts } from "./refresh-customer-facts"

export type ImportHistoryOrdersStepInput = { import_id: string; batch_size?: number }

/** Variants by SKU, for the SKUs of one batch (never the whole catalogue). */
export async function variantsBySku(container: MedusaContainer, skus: string[]): Promise<Map<string, VariantRef>> {
  if (!skus.length) {
    return new Map()
  }
  const products = container.resolve(Modules.PRODUCT)
  const variants = await products.listProductVariants({ sku: skus }, { select: ["id", "sku", "product_id"] })
  return new Map(variants.filter((v) => v.sku).map((v) => [v.sku!, { id: v.id, product_id: v.product_id! }]))
}

/**
 * One batch of orders.csv: customers found by e-mail and variants by SKU for this batch only,
 * lines grouped into orders and upserted as imported order facts (order_ref + SKU: a re-import
 * updates, never duplicates). Customers Medusa has but the facts do not (no backfill yet) get
 * their facts built first, so the aggregates land on a row.
 */
async function importOrderBatch(
  container: MedusaContainer,
  job: HistoryImportRecord,
  rows: OrderRow[],
  progress: HistoryImportProgress,
  matcher: CustomerEmailMatcher
) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const customers = await matcher.find(pg, [...new Set(rows.map((r) => r.email))])
  const variants = await variantsBySku(container, [...new Set(rows.map((r) => r.sku))])
  const keys = [...new Set(rows.map((r) => r.order_ref))]
  const existing = await facts.listOrderFacts(
    { source: "import", order_key: keys },
    { select: ["order_key", "customer_id", "placed_at", "currency_code", "created_at"] }
  )
  const startedAt = new Date(job.started_at!).getTime()
  // Orders this import wrote in earlier batches fix their customer, date and currency; older
  // imports' orders are updated by this file.
  const known = new Map<string, OrderHeader>(
    existing
      .filter((o) => new Date(o.created_at).getTime() >= startedAt)
      .map((o) => [o.order_key, { customer_id: o.customer_id, placed_at: new Date(o.placed_at), currency_code: o.currency_code }])
  )
  const idByEmail = new Map([...customers.values()].map((c) => [c.email, c.id]))
  const batch = buildImportedOrders(rows, idByEmail, variants, known)
  for (const error of batch.errors) {
    progress.lineErrors([error])
  }
  if (batch.orders.length) {
    const ids = [...new Set(batch.orders.map((o) => o.customer_id))]
    const withFacts = new Set((await facts.listCustomerFacts({ customer_id: ids }, { select: ["customer_id"] })).map((f) => f.customer_id))
    await refreshCustomerFacts(container, ids.filter((id) => !withFacts.has(id)))
    await facts.upsertImportedOrders(batch.orders)
  }
  const before = new Map(existing.map((o) => [o.order_key, new Date(o.created_at).getTime()]))
  for (const order of batch.orders) {
    const createdAt = before.get(order.order_key)
    if (createdAt === undefined) {
      progress.add("orders_created", 1)
    } else if (createdAt < startedAt) {
      progress.add("orders_updated", 1)
    }
  }
  progress.add("lines_upserted", batch.lines)
  progress.unknownSkus(batch.unknown_skus)
}

/**
 * Streams orders.csv into imported order and purchase facts, a batch at a time, saving the line
 * reached after each. Unknown SKUs are kept as external products (SKU only) and reported. Nothing
 * to compensate: an import is resumable, and its upserts are idempotent.
 */
export const importHistoryOrdersStep = createStep("import-history-orders", async (input: ImportHistoryOrdersStepInput, { container }) => {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const job = await facts.retrieveHistoryImport(input.import_id)
  if (!job.orders_file_key || job.orders_done) {
    return new StepResponse({ rows: job.orders_rows })
  }
  const progress = new HistoryImportProgress(container, job)
  try {
    const files = container.resolve(Modules.FILE)
    const matcher = await CustomerEmailMatcher.load(container.resolve(ContainerRegistrationKeys.PG_CONNECTION))
    await streamHistoryFile({
      source: await files.getDownloadStream(job.orders_file_key),
      file: "orders.csv",
      parse: parseOrderRow,
      progress,
      rowsField: "orders_rows",
      resumeAfterLine: job.orders_line,
      bytesBefore: job.customers_file_size,
      batchSize: input.batch_size ?? HISTORY_BATCH_SIZE,
      onBatch: (rows) => importOrderBatch(container, job, rows, progress, matcher),
      onCheckpoint: (line) => progress.save({ orders_line: line }),
    })
    await progress.save({ orders_done: true })
  } catch (e) {
    await failHistoryImport(facts, job.id, e)
    throw e
  }
  return new StepResponse({ rows: progress.counts.orders_rows })
})
