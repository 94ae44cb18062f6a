/**
 * Values in PostgreSQL's COPY text format, the default of `COPY ... FROM STDIN`: columns separated
 * by a tab, rows ended by a newline, NULL written as \N, and backslash, tab, newline and carriage
 * return escaped with a backslash (https://www.postgresql.org/docs/current/sql-copy.html, "Text
 * Format"). Escaping every backslash also keeps the end-of-data marker `\.` out of the data.
 */
export type CopyValue = string | number | boolean | null

const NEEDS_ESCAPE = /[\\\t\n\r]/
const ESCAPED = /[\\\t\n\r]/g
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" }

/** One value as a COPY text field. */
export function copyField(value: CopyValue): string {
  if (value === null) {
    return "\\N"
  }
  if (typeof value === "boolean") {
    return value ? "t" : "f"
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new Error(`COPY text cannot carry the number ${value}`)
    }
    return String(value)
  }
  if (value.includes("\0")) {
    throw new Error("PostgreSQL text cannot contain NUL characters")
  }
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (ch) => ESCAPES[ch]) : value
}

/** One row as a COPY text line, newline included. */
export function copyRow(values: readonly CopyValue[]): string {
  let line = ""
  for (let i = 0; i < values.length; i++) {
    line += (i ? "\t" : "") + copyField(values[i])
  }
  return `${line}\n`
}

/** Groups rows into COPY text chunks of about `chunkChars` characters, lazily: one CopyData message per chunk. */
export function* copyChunks(rows: Iterable<readonly CopyValue[]>, chunkChars = 64 * 1024): Generator<string> {
  let chunk = ""
  for (const row of rows) {
    chunk += copyRow(row)
    if (chunk.length >= chunkChars) {
      yield chunk
      chunk = ""
    }
  }
  if (chunk) {
    yield chunk
  }
}
