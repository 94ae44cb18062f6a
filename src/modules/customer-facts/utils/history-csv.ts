import { Transform, type Readable, type TransformCallback } from "node:stream"
import { StringDecoder } from "node:string_decoder"
import { parse, type CsvError } from "csv-parse"
import { parse as parseSync } from "csv-parse/sync"
import { MedusaError } from "@medusajs/framework/utils"

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

/**
 * Counts the bytes read and turns CRLF into LF before the parser: csv-parse counts a CRLF inside a
 * quoted value as two lines, which would shift every later line number.
 */
export class LineEndings extends Transform {
  bytes = 0
  private readonly decoder = new StringDecoder("utf8")
  private pendingCr = false

  constructor(private readonly onBytes?: (bytes: number) => void) {
    super({ decodeStrings: true, readableObjectMode: false })
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    this.onBytes?.(this.bytes)
    this.emit_(this.decoder.write(chunk))
    callback()
  }

  override _flush(callback: TransformCallback): void {
    this.emit_(this.decoder.end())
    if (this.pendingCr) {
      this.push("\r")
    }
    callback()
  }

  private emit_(text: string): void {
    if (!text) {
      return
    }
    let value = this.pendingCr ? `\r${text}` : text
    this.pendingCr = value.endsWith("\r")
    if (this.pendingCr) {
      value = value.slice(0, -1)
    }
    this.push(value.replace(/\r\n/g, "\n"))
  }
}

/** The history_import byte counters are 32-bit integers. */
export const MAX_HISTORY_FILE_BYTES = 2 ** 31 - 1
/** The header line is looked for in this many first bytes. */
const HEADER_PROBE_BYTES = 64 * 1024

const invalidFile = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Passes a file through while checking, in its first bytes, that it is a text CSV whose first
 * line names the file's columns: a wrong file is refused while it uploads, naming the column.
 */
export class HistoryHeaderCheck extends Transform {
  size = 0
  private head: Buffer[] = []
  private checked = false

  /** `label` prefixes the messages (the form field of an upload: "customers: "). */
  constructor(
    private readonly file: HistoryFile,
    private readonly label = ""
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length
    if (this.size > MAX_HISTORY_FILE_BYTES) {
      callback(invalidFile(`${this.label}the file is larger than 2 GiB`))
      return
    }
    if (!this.checked) {
      this.head.push(chunk)
      const head = Buffer.concat(this.head)
      if (head.includes(10) || head.length >= HEADER_PROBE_BYTES) {
        try {
          this.check(head)
        } catch (e) {
          callback(e as Error)
          return
        }
      }
    }
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.checked) {
        this.check(Buffer.concat(this.head))
      }
      callback()
    } catch (e) {
      callback(e as Error)
    }
  }

  private check(head: Buffer): void {
    this.checked = true
    this.head = []
    const end = head.indexOf(10)
    const firstLine = (end === -1 ? head : head.subarray(0, end)).toString("utf8")
    if (head.includes(0) || firstLine.includes("\uFFFD")) {
      throw invalidFile(`${this.label}${this.file} must be a CSV text file (UTF-8); this one looks binary (a spreadsheet? export it as CSV)`)
    }
    if (!firstLine.trim()) {
      throw invalidFile(`${this.label}${this.file} is empty; its first line must name the columns`)
    }
    let header: string[]
    try {
      header = (parseSync(firstLine, { bom: true, relax_quotes: true }) as string[][])[0] ?? []
    } catch {
      throw invalidFile(`${this.label}${this.file} line 1 must name the columns, separated by commas`)
    }
    readHeader(this.file, header)
  }
}

const STRUCTURE_MESSAGES: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: "a quoted value must be followed by a comma or the end of the line",
  CSV_QUOTE_NOT_CLOSED: "a quoted value is never closed",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "a quoted value must be followed by a comma or the end of the line",
  CSV_MAX_RECORD_SIZE: "the line is too long",
}

function newlines(values: string[]): number {
  let n = 0
  for (const value of values) {
    for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) {
      n++
    }
  }
  return n
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
  const skipped: RowError[] = []
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (error: CsvError | undefined) => {
      if (error) {
        skipped.push({
          file,
          line: Number(error.lines ?? 0),
          field: "row",
          message: STRUCTURE_MESSAGES[error.code] ?? error.message,
        })
      }
      return undefined
    },
  })
  const endings = new LineEndings(options.onBytes)
  source.on("error", (e) => endings.destroy(e))
  endings.on("error", (e) => parser.destroy(e))
  source.pipe(endings).pipe(parser)
  let columns: string[] | null = null
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines - newlines(record)
      // The parser reports a broken line while it reads ahead: keep the file's order.
      while (skipped.length && skipped[0].line < line) {
        yield { line: skipped[0].line, error: skipped.shift()! }
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
    while (skipped.length) {
      yield { line: skipped[0].line, error: skipped.shift()! }
    }
  } finally {
    source.unpipe?.(endings)
    source.destroy()
    endings.destroy()
    parser.destroy()
  }
  if (!columns) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      formatRowError({ file, line: 1, field: "row", message: `the file is empty; the first line must name the columns ${HISTORY_COLUMNS[file].join(", ")}` })
    )
  }
}
