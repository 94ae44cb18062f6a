import fs from "node:fs"
import path from "node:path"
import { pipeline } from "node:stream/promises"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../modules/customer-facts"
import type CustomerFactsModuleService from "../modules/customer-facts/service"
import { formatRowError, HistoryHeaderCheck, type HistoryFile, type RowError } from "../modules/customer-facts/utils/history-csv"
import { createHistoryImportWorkflow } from "../workflows/customer-facts/import-history-create"
import { importHistoryWorkflow } from "../workflows/customer-facts/import-history"
import type { StoredHistoryFile } from "../workflows/customer-facts/steps/create-history-import"
import type { HistoryImportRecord } from "../workflows/customer-facts/steps/history-import-progress"

const PROGRESS_EVERY_MS = 2000
const ERRORS_SHOWN = 20

/** `customers=a.csv orders=b.csv dry-run resume=himp_… batch-size=500` (as dev/import-history.ts passes them). */
function readArgs(args: string[]) {
  const named = new Map<string, string>()
  for (const arg of args) {
    const [key, ...rest] = arg.split("=")
    named.set(key, rest.join("="))
  }
  const known = ["customers", "orders", "dry-run", "resume", "batch-size"]
  const unknown = [...named.keys()].filter((k) => !known.includes(k))
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown option --${unknown[0]}; the options are ${known.map((k) => `--${k}`).join(", ")}`)
  }
  const batchSize = named.has("batch-size") ? Number(named.get("batch-size")) : undefined
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "--batch-size must be a whole number from 1 to 10000")
  }
  return {
    customers: named.get("customers") || null,
    orders: named.get("orders") || null,
    dryRun: named.has("dry-run") && named.get("dry-run") !== "false",
    resume: named.get("resume") || null,
    batchSize,
  }
}

/** Streams a local file into the File module (private), refusing it on its first line if it is not the expected CSV. */
async function storeLocalFile(container: MedusaContainer, option: string, localPath: string, file: HistoryFile): Promise<StoredHistoryFile> {
  const absolute = path.resolve(localPath)
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `--${option}: no file at ${absolute}`)
  }
  const files = container.resolve(Modules.FILE)
  const { writeStream, promise, fileKey } = await files.getUploadStream({ filename: `history-import-${option}.csv`, mimeType: "text/csv", access: "private" })
  const check = new HistoryHeaderCheck(file, `--${option}: `)
  try {
    await pipeline(fs.createReadStream(absolute), check, writeStream)
    const stored = await promise
    return { file_key: stored.key ?? fileKey, name: path.basename(absolute), size: check.size }
  } catch (e) {
    promise.catch(() => undefined)
    await files.deleteFiles([fileKey]).catch(() => undefined)
    throw e
  }
}

function describeProgress(job: HistoryImportRecord): string {
  const total = job.customers_file_size + job.orders_file_size
  const percent = total ? Math.min(100, Math.floor((job.bytes_read / total) * 100)) : 0
  return (
    `${percent}% read; customers.csv ${job.customers_rows} lines (${job.customers_created} created, ${job.customers_matched} matched), ` +
    `orders.csv ${job.orders_rows} lines (${job.lines_upserted} order lines), ${job.rows_with_errors} lines with errors`
  )
}

function describeResult(job: HistoryImportRecord): string[] {
  const errors = (Array.isArray(job.errors) ? job.errors : []) as RowError[]
  return [
    `history import ${job.id} ${job.status}${job.dry_run ? " (dry run: nothing was written)" : ""}`,
    `  customers.csv: ${job.customers_rows} lines; customers ${job.dry_run ? "to create" : "created"} ${job.customers_created}, matched ${job.customers_matched}, updated ${job.customers_updated}; consent records ${job.consents_recorded}`,
    `  orders.csv: ${job.orders_rows} lines; orders ${job.dry_run ? "to create" : "created"} ${job.orders_created}, updated ${job.orders_updated}; order lines ${job.lines_upserted}`,
    `  unknown SKUs (kept as external products): ${job.unknown_sku_count}${job.unknown_skus.length ? ` — ${job.unknown_skus.join(", ")}${job.unknown_sku_count > job.unknown_skus.length ? ", …" : ""}` : ""}`,
    `  lines with errors: ${job.rows_with_errors}`,
    ...errors.slice(0, ERRORS_SHOWN).map((e) => `    ${formatRowError(e)}`),
    ...(job.rows_with_errors > ERRORS_SHOWN ? [`    … the first ${errors.length} errors are kept on the import (GET /admin/customer-facts/imports/${job.id})`] : []),
    ...(job.failure ? [`  failed: ${job.failure}`, `  resume with: npm run import-history -- --resume ${job.id}`] : []),
  ]
}

/**
 * `npm run import-history -- --customers customers.csv --orders orders.csv [--dry-run]` (through
 * dev/import-history.ts and `medusa exec`): stores the local files in the File module and runs the
 * same import workflow as the admin route, in this process, printing progress and the result.
 * `--resume himp_…` continues an import that stopped.
 */
export default async function importHistory({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const options = readArgs(args)
  let importId = options.resume
  if (!importId) {
    if (!options.customers && !options.orders) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give --customers customers.csv, --orders orders.csv or both (or --resume himp_…)")
    }
    const customers = options.customers ? await storeLocalFile(container, "customers", options.customers, "customers.csv") : null
    const orders = options.orders ? await storeLocalFile(container, "orders", options.orders, "orders.csv") : null
    const { result } = await createHistoryImportWorkflow(container).run({
      input: { dry_run: options.dryRun, customers, orders, created_by: null, run_in_background: false },
    })
    importId = result.id
  }
  logger.info(`history import ${importId}: started`)
  const timer = setInterval(() => {
    facts
      .retrieveHistoryImport(importId!)
      .then((job) => logger.info(`history import ${importId}: ${describeProgress(job)}`))
      .catch(() => undefined)
  }, PROGRESS_EVERY_MS)
  let refused: string | null = null
  try {
    const { errors } = await importHistoryWorkflow(container).run({
      input: { import_id: importId, batch_size: options.batchSize },
      throwOnError: false,
    })
    // A failure inside the import is on its record; a refusal to start it (already completed, another running) is not.
    refused = errors.find((e) => e.action === "start-history-import")?.error?.message ?? null
  } finally {
    clearInterval(timer)
  }
  if (refused) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refused)
  }
  const job = await facts.retrieveHistoryImport(importId)
  for (const line of describeResult(job)) {
    logger.info(line)
  }
  if (job.status !== "completed") {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `history import ${job.id} ${job.status}: ${job.failure ?? "see above"}`)
  }
}
