import type { Readable } from "node:stream"
import { MedusaError } from "@medusajs/framework/utils"
import { CsvHeaderCheck, LineEndings, readCsvRecords } from "../../../lib/csv-lines"

export const HISTORY_FILES = ["customers.csv", "orders.csv"] as const
export type HistoryFile = (typeof HISTORY_FILES)[number]

export const CUSTOMER_COLUMNS = [
  "email",
  "first_name",
  "last_name",
  "phone",
  "country_code",
  "city",
  "postal_code",
  "created_at",
  "marketing_consent",
  "metadata",
] as const

export const ORDER_COLUMNS = [
  "order_ref",
  "email",
  "placed_at",
  "currency_code",
  "sku",
  "quantity",
  "unit_amount",
  "refunded_quantity",
] as const

export const HISTORY_COLUMNS: Record<HistoryFile, readonly string[]> = {
  "customers.csv": CUSTOMER_COLUMNS,
  "orders.csv": ORDER_COLUMNS,
}

/** One problem with one line of a file; `field` is a column, or `row` for the line as a whole. */
export type RowError = { file: HistoryFile; line: number; field: string; message: string }

/** `orders.csv line 17: quantity: must be a whole number ≥ 1` */
export function formatRowError(error: RowError): string {
  return `${error.file} line ${error.line}: ${error.field}: ${error.message}`
}

/** A data line: its values by column name, or why it could not be read. */
export type CsvLine = { line: number; values: Record<string, string>; error?: never } | { line: number; error: RowError; values?: never }

/**
 * Column positions from the header line. Names are matched trimmed and case-insensitively, in any
 * order; a missing, unknown or repeated column fails the whole file, naming the column.
 */
export function readHeader(file: HistoryFile, header: string[]): string[] {
  const expected = HISTORY_COLUMNS[file]
  const names = header.map((h) => h.trim().toLowerCase())
  const fail = (field: string, message: string) => {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, formatRowError({ file, line: 1, field, message }))
  }
  const seen = new Set<string>()
  for (const name of names) {
    if (!expected.includes(name)) {
      fail(name || "(empty)", `unknown column; the columns of ${file} are ${expected.join(", ")}`)
    }
    if (seen.has(name)) {
      fail(name, "column appears twice")
    }
    seen.add(name)
  }
  for (const name of expected) {
    if (!seen.has(name)) {
      fail(name, `missing column; the first line must name the columns ${expected.join(", ")}`)
    }
  }
  return names
}

export { LineEndings }

/** The history_import byte counters are 32-bit integers. */
export const MAX_HISTORY_FILE_BYTES = 2 ** 31 - 1

/**
 * Passes a file through while checking, in its first bytes, that it is a text CSV whose first
 * line names the file's columns: a wrong file is refused while it uploads, naming the column.
 */
export class HistoryHeaderCheck extends CsvHeaderCheck {
  /** `label` prefixes the messages (the form field of an upload: "customers: "). */
  constructor(file: HistoryFile, label = "") {
    super({ file, label, maxBytes: MAX_HISTORY_FILE_BYTES, tooLarge: "the file is larger than 2 GiB", checkHeader: (header) => readHeader(file, header) })
  }
}

/** Longest line accepted (a metadata JSON can be long; a binary file is not a CSV). */
const MAX_RECORD_CHARS = 1_000_000

/**
 * Streams a history file: checks the header (fails the file), then yields each data line with its
 * line number, as values by column or as the error that made it unreadable (a wrong number of
 * values, a broken quote). BOM, CRLF and empty lines are tolerated. Nothing but the current line
 * is kept in memory, so a file of any size streams through.
 */
export async function* readCsvLines(
  source: Readable,
  file: HistoryFile,
  options: { onBytes?: (bytes: number) => void } = {}
): AsyncGenerator<CsvLine> {
  let columns: string[] | null = null
  for await (const item of readCsvRecords(source, { onBytes: options.onBytes, maxRecordChars: MAX_RECORD_CHARS })) {
    const { line, record } = item
    if (!record) {
      yield { line, error: { file, line, field: "row", message: item.error } }
      continue
    }
    if (!columns) {
      columns = readHeader(file, record)
      continue
    }
    if (record.every((v) => v.trim() === "")) {
      continue
    }
    if (record.length !== columns.length) {
      yield {
        line,
        error: { file, line, field: "row", message: `has ${record.length} values; the header names ${columns.length} columns` },
      }
      continue
    }
    const values: Record<string, string> = {}
    for (let i = 0; i < columns.length; i++) {
      values[columns[i]] = record[i]
    }
    yield { line, values }
  }
  if (!columns) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      formatRowError({ file, line: 1, field: "row", message: `the file is empty; the first line must name the columns ${HISTORY_COLUMNS[file].join(", ")}` })
    )
  }
}
