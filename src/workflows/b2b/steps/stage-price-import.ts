import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readCsvRecords } from "../../../lib/csv-lines"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { PriceImportDTO, PriceRowError, StagedPriceRow } from "../../../modules/b2b/types"
import { parsePriceLine, readPriceHeader, type ParsedPriceLine, type PriceCsvColumn } from "../../../modules/b2b/utils/price-csv"
import { retrieveContracts } from "./contract-checks"
import { keepFirstErrors, MAX_STORED_ERRORS } from "./price-import-progress"
import { lookUpVariants } from "./variant-lookup"

/** Longest line accepted: six short columns; anything longer is not a price line. */
const MAX_RECORD_CHARS = 10_000

export type StagePriceImportResult = { import_id: string; valid: boolean }

/** The variant each line names, found for the whole batch at once; a line naming none is an error on its column. */
async function resolveBatch(container: MedusaContainer, lines: ParsedPriceLine[]): Promise<{ rows: StagedPriceRow[]; errors: PriceRowError[] }> {
  const { byId, bySku } = await lookUpVariants(container, {
    ids: lines.flatMap((l) => (l.variant_id ? [l.variant_id] : [])),
    skus: lines.flatMap((l) => (l.sku ? [l.sku] : [])),
  })
  const rows: StagedPriceRow[] = []
  const errors: PriceRowError[] = []
  for (const l of lines) {
    const byVariantId = l.variant_id ? byId.get(l.variant_id) : undefined
    const bySkuValue = l.sku ? bySku.get(l.sku) : undefined
    let error: PriceRowError | null = null
    if (l.variant_id && !byVariantId) {
      error = { line: l.line, field: "variant_id", message: `no variant has the id ${l.variant_id}` }
    } else if (l.sku && !bySkuValue) {
      error = { line: l.line, field: "sku", message: `no variant has the SKU ${l.sku}` }
    } else if (byVariantId && bySkuValue && byVariantId.id !== bySkuValue.id) {
      error = { line: l.line, field: "sku", message: `${l.sku} is the SKU of variant ${bySkuValue.id}, not of variant_id ${byVariantId.id}` }
    }
    const variant = byVariantId ?? bySkuValue
    if (!error && variant && !variant.price_set_id) {
      error = { line: l.line, field: l.variant_id ? "variant_id" : "sku", message: `variant ${variant.id} has no prices in Medusa yet (no price set); give it a base price first` }
    }
    if (error || !variant) {
      errors.push(error!)
      continue
    }
    rows.push({ line: l.line, variant_id: variant.id, price_set_id: variant.price_set_id!, currency_code: l.currency_code, amount: l.amount, min_quantity: l.min_quantity, max_quantity: l.max_quantity })
  }
  return { rows, errors }
}

/**
 * Streams an import's CSV from the File module, validates each line (columns, the contract's
 * currency, amounts, bands, the variant by sku or variant_id, looked up a batch at a time) and
 * stages the valid ones; then finds bands overlapping within the file, in SQL. Memory holds one
 * batch whatever the file's size; counts, bytes read and the first errors are saved after each
 * batch. A file with any bad line is `invalid` and nothing is applied. Writes only the import's
 * staging and record: nothing to compensate (a failure is recorded on the import).
 */
export const stagePriceImportStep = createStep("stage-price-import", async (input: { import_id: string }, { container }) => {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const job: PriceImportDTO = await b2b.retrievePriceImport(input.import_id)
  const batchSize = b2b.getB2bOptions().importBatchSize
  try {
    const [contract] = await retrieveContracts(container, [job.contract_id])
    await b2b.clearStagedRows({ import_ids: [job.id] })
    const source = await container.resolve(Modules.FILE).getDownloadStream(job.file_key)
    let bytes = 0
    let errors: PriceRowError[] = []
    const counts = { rows_total: 0, rows_valid: 0, rows_with_errors: 0 }
    let pending: ParsedPriceLine[] = []
    const lineError = (error: PriceRowError[]) => {
      counts.rows_with_errors++
      // Lookups report a batch's lines after later lines were read: keep the first by line.
      if (errors.length < MAX_STORED_ERRORS || error[0].line < errors[errors.length - 1].line) {
        errors = keepFirstErrors(errors, error)
      }
    }
    const flush = async () => {
      if (pending.length) {
        const { rows, errors: lookupErrors } = await resolveBatch(container, pending)
        for (const e of lookupErrors) lineError([e])
        await b2b.stageFileRows({ import_id: job.id, rows })
        counts.rows_valid += rows.length
        pending = []
      }
      await b2b.savePriceImportProgress(job.id, { ...counts, bytes_read: bytes, errors })
    }
    let columns: PriceCsvColumn[] | null = null
    for await (const item of readCsvRecords(source, { maxRecordChars: MAX_RECORD_CHARS, onBytes: (n) => (bytes = n) })) {
      if (!item.record) {
        counts.rows_total++
        lineError([{ line: item.line, field: "row", message: item.error }])
        continue
      }
      if (!columns) {
        const header = readPriceHeader(item.record)
        if (header.error) {
          lineError([header.error])
          break
        }
        columns = header.columns
        continue
      }
      if (item.record.every((v) => v.trim() === "")) {
        continue
      }
      counts.rows_total++
      if (item.record.length !== columns.length) {
        lineError([{ line: item.line, field: "row", message: `has ${item.record.length} values; the header names ${columns.length} columns` }])
        continue
      }
      const values: Partial<Record<PriceCsvColumn, string>> = {}
      columns.forEach((c, i) => (values[c] = item.record![i]))
      const parsed = parsePriceLine(item.line, values, contract)
      if (parsed.errors) {
        lineError(parsed.errors)
      } else {
        pending.push(parsed.row)
        if (pending.length >= batchSize) await flush()
      }
    }
    if (!columns && !counts.rows_with_errors) {
      lineError([{ line: 1, field: "row", message: "the file is empty; the first line must name the columns sku or variant_id, currency, amount, min_quantity, max_quantity" }])
    }
    await flush()
    const overlaps = await b2b.findBandOverlaps({ import_id: job.id, limit: MAX_STORED_ERRORS })
    counts.rows_with_errors += overlaps.count
    counts.rows_valid -= overlaps.count
    errors = keepFirstErrors(errors, overlaps.errors)
    const valid = counts.rows_with_errors === 0
    if (!valid) {
      await b2b.clearStagedRows({ import_ids: [job.id] })
    }
    await b2b.savePriceImportProgress(job.id, {
      ...counts,
      bytes_read: bytes,
      errors,
      ...(valid ? {} : { status: "invalid", validated_at: new Date(), finished_at: new Date() }),
    })
    return new StepResponse<StagePriceImportResult>({ import_id: job.id, valid })
  } catch (e) {
    await b2b.savePriceImportProgress(job.id, { status: "failed", failure: e instanceof Error ? e.message : String(e), finished_at: new Date() })
    throw e
  }
})
