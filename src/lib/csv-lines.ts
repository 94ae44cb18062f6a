import { Transform, type Readable, type TransformCallback } from "node:stream"
import { StringDecoder } from "node:string_decoder"
import { parse, type CsvError } from "csv-parse"
import { parse as parseSync } from "csv-parse/sync"
import { MedusaError } from "@medusajs/framework/utils"

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

/** A record of a CSV file with the line it starts on, or why the line could not be read. */
export type CsvRecord = { line: number; record: string[]; error?: never } | { line: number; error: string; record?: never }

/**
 * Streams a CSV file's records (the header line included) with the line number each starts on, as
 * the file numbers them: BOM, CRLF, empty lines and quoted line breaks are handled. A line whose
 * structure is broken (a quote never closed...) is yielded as its error, in file order, and
 * reading goes on. Nothing but the current record is kept in memory.
 */
export async function* readCsvRecords(
  source: Readable,
  options: { onBytes?: (bytes: number) => void; maxRecordChars: number }
): AsyncGenerator<CsvRecord> {
  const skipped: { line: number; error: string }[] = []
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: options.maxRecordChars,
    on_skip: (error: CsvError | undefined) => {
      if (error) {
        skipped.push({ line: Number(error.lines ?? 0), error: STRUCTURE_MESSAGES[error.code] ?? error.message })
      }
      return undefined
    },
  })
  const endings = new LineEndings(options.onBytes)
  source.on("error", (e) => endings.destroy(e))
  endings.on("error", (e) => parser.destroy(e))
  source.pipe(endings).pipe(parser)
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines - newlines(record)
      // The parser reports a broken line while it reads ahead: keep the file's order.
      while (skipped.length && skipped[0].line < line) {
        yield skipped.shift()!
      }
      yield { line, record }
    }
    while (skipped.length) {
      yield skipped.shift()!
    }
  } finally {
    source.unpipe?.(endings)
    source.destroy()
    endings.destroy()
    parser.destroy()
  }
}

/** The header line is looked for in this many first bytes. */
const HEADER_PROBE_BYTES = 64 * 1024

const invalidFile = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

export type CsvHeaderCheckOptions = {
  /** Names the file in messages ("orders.csv"). */
  file: string
  /** Prefixes the messages (the form field of an upload: "customers: "). */
  label?: string
  maxBytes: number
  /** The refusal when the file is larger than maxBytes. */
  tooLarge: string
  /** Throws (naming the column) when the header line's names are not the file's columns. */
  checkHeader: (header: string[]) => void
}

/**
 * Passes a file through while checking, in its first bytes, that it is a text CSV whose first
 * line names the file's columns: a wrong file is refused while it uploads, naming the column.
 * `size` counts the bytes that went through.
 */
export class CsvHeaderCheck extends Transform {
  size = 0
  private head: Buffer[] = []
  private checked = false

  constructor(private readonly options: CsvHeaderCheckOptions) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length
    if (this.size > this.options.maxBytes) {
      callback(invalidFile(`${this.options.label ?? ""}${this.options.tooLarge}`))
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
    const { file } = this.options
    const label = this.options.label ?? ""
    const end = head.indexOf(10)
    const firstLine = (end === -1 ? head : head.subarray(0, end)).toString("utf8")
    if (head.includes(0) || firstLine.includes("\uFFFD")) {
      throw invalidFile(`${label}${file} must be a CSV text file (UTF-8); this one looks binary (a spreadsheet? export it as CSV)`)
    }
    if (!firstLine.trim()) {
      throw invalidFile(`${label}${file} is empty; its first line must name the columns`)
    }
    let header: string[]
    try {
      header = (parseSync(firstLine, { bom: true, relax_quotes: true }) as string[][])[0] ?? []
    } catch {
      throw invalidFile(`${label}${file} line 1 must name the columns, separated by commas`)
    }
    this.options.checkHeader(header)
  }
}
