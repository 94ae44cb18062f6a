import type { Readable } from "node:stream"
import type { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { HistoryImport } from "../../../modules/customer-facts/models"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { HISTORY_FILES, readCsvLines, type HistoryFile, type RowError } from "../../../modules/customer-facts/utils/history-csv"
import {
  HISTORY_COUNT_FIELDS,
  saveHistoryImportProgress,
  UNKNOWN_SKU_SAMPLE,
  type HistoryCount,
  type HistoryProgressPatch,
} from "../../../modules/customer-facts/utils/history-import-sql"

export type HistoryImportRecord = InferTypeOf<typeof HistoryImport>

const errorOrder = (a: RowError, b: RowError) =>
  HISTORY_FILES.indexOf(a.file) - HISTORY_FILES.indexOf(b.file) || a.line - b.line || 0

/** Valid lines handled together: one lookup per batch for e-mails and SKUs, one write per module. */
export const HISTORY_BATCH_SIZE = 1000
/** The first errors an import keeps (every bad line is counted). */
export const MAX_STORED_ERRORS = 100
/** Distinct unknown SKUs tracked while a real import runs (the final count is read from the facts). */
const UNKNOWN_SKU_TRACKED = 10_000

/**
 * An import's counts, first errors and bytes read while it runs. Saved with the line it reached
 * after each batch is written (a checkpoint), so a rerun after a crash resumes from the record
 * with counts that match the lines before it.
 */
export class HistoryImportProgress {
  readonly counts: Record<HistoryCount, number>
  readonly errors: RowError[]
  bytesRead: number
  private readonly unknown: Set<string>

  constructor(
    private readonly container: MedusaContainer,
    readonly job: HistoryImportRecord
  ) {
    this.counts = Object.fromEntries(HISTORY_COUNT_FIELDS.map((f) => [f, job[f] ?? 0])) as Record<HistoryCount, number>
    this.errors = Array.isArray(job.errors) ? [...job.errors] : []
    this.bytesRead = job.bytes_read ?? 0
    this.unknown = new Set(job.unknown_skus ?? [])
  }

  add(field: HistoryCount, n: number): void {
    this.counts[field] += n
  }

  /**
   * One bad line (its errors, one per field). The errors kept are the first by file and line:
   * a batch finds some (no customer with that e-mail) only after reading lines further down.
   */
  lineErrors(errors: RowError[]): void {
    this.counts.rows_with_errors += 1
    const last = this.errors[this.errors.length - 1]
    if (this.errors.length >= MAX_STORED_ERRORS && last && errorOrder(errors[0], last) > 0) {
      return
    }
    this.errors.push(...errors)
    this.errors.sort(errorOrder)
    this.errors.splice(MAX_STORED_ERRORS)
  }

  unknownSkus(skus: string[]): void {
    for (const sku of skus) {
      if (this.unknown.size < UNKNOWN_SKU_TRACKED) {
        this.unknown.add(sku)
      }
    }
    this.counts.unknown_sku_count = this.unknown.size
  }

  /** Saves counts, errors and bytes with the given fields (the line reached, a file done...). */
  async save(patch: HistoryProgressPatch = {}): Promise<void> {
    await saveHistoryImportProgress(this.container.resolve(ContainerRegistrationKeys.PG_CONNECTION), this.job.id, {
      ...this.counts,
      errors: this.errors,
      unknown_skus: [...this.unknown].sort().slice(0, UNKNOWN_SKU_SAMPLE),
      bytes_read: this.bytesRead,
      ...patch,
    })
  }
}

export type StreamHistoryFileOptions<Row> = {
  source: Readable
  file: HistoryFile
  parse: (line: number, values: Record<string, string>) => { row: Row; errors?: never } | { errors: RowError[]; row?: never }
  progress: HistoryImportProgress
  rowsField: "customers_rows" | "orders_rows"
  /** Lines up to here were written by an earlier attempt: read past, not counted again. */
  resumeAfterLine: number
  /** Bytes of the files read before this one, for the progress bar. */
  bytesBefore: number
  batchSize: number
  onBatch: (rows: Row[]) => Promise<void>
  /** After each batch is written: save the progress with the last line read. */
  onCheckpoint: (lastLine: number) => Promise<void>
}

/**
 * Streams one file in batches: bad lines are counted and kept as errors, good ones handed over
 * a batch at a time, and the progress saved after each. Memory holds one batch, whatever the size
 * of the file (a run of bad lines is cut into checkpoints too).
 */
export async function streamHistoryFile<Row>(options: StreamHistoryFileOptions<Row>): Promise<void> {
  const { progress } = options
  let rows: Row[] = []
  let pending = 0
  let lastLine = options.resumeAfterLine
  const flush = async () => {
    if (rows.length) {
      await options.onBatch(rows)
      rows = []
    }
    pending = 0
    await options.onCheckpoint(lastLine)
  }
  const lines = readCsvLines(options.source, options.file, {
    onBytes: (bytes) => {
      progress.bytesRead = options.bytesBefore + bytes
    },
  })
  for await (const item of lines) {
    if (item.line <= options.resumeAfterLine) {
      continue
    }
    progress.add(options.rowsField, 1)
    lastLine = item.line
    pending++
    if (item.error) {
      progress.lineErrors([item.error])
    } else {
      const parsed = options.parse(item.line, item.values)
      if (parsed.errors) {
        progress.lineErrors(parsed.errors)
      } else {
        rows.push(parsed.row)
      }
    }
    if (rows.length >= options.batchSize || pending >= options.batchSize * 10) {
      await flush()
    }
  }
  await flush()
}

/** Records why an import stopped; its counts stay those of its last checkpoint, so a rerun resumes from there. */
export async function failHistoryImport(facts: CustomerFactsModuleService, id: string, error: unknown): Promise<void> {
  await facts.updateHistoryImports({
    id,
    status: "failed",
    failure: error instanceof Error ? error.message : String(error),
    finished_at: new Date(),
  })
}
