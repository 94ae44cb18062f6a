/**
 * The output of a bench: a plain-text table on stdout and bench/results/<name>.json with the
 * machine it ran on (CPU model and count, memory, Node version), the date and every row.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { BenchDefinition } from "./harness"
import type { WatchedPeak } from "./rss"

export type ResultRow = {
  case: string
  size: number
  group: string
  baseline: boolean
  /** Why the case was not run, when it was not. */
  skipped?: string
  samplesMs: number[]
  p50Ms: number | null
  p95Ms: number | null
  /** p50 over the p50 of the group's baseline at the same size; null without one. */
  ratio: number | null
  /** Peak RSS of the bench process during the measured runs. */
  peakRssBytes: number | null
  /** Peaks of the processes the case watched (e.g. its PostgreSQL backend). */
  watched: WatchedPeak[]
  rows: number | null
  rowsPerSecond: number | null
  extra: Record<string, number | string>
}

export const RESULTS_DIR = path.resolve(__dirname, "..", "results")

/** The machine a bench ran on, for the results file. */
export function machineInfo() {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cpuCount: cpus.length,
    totalMemBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  }
}

/** Writes bench/results/<name>.json (or into `dir`) and returns its path. */
export function writeResults(definition: BenchDefinition, rows: ResultRow[], dir = RESULTS_DIR): string {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${definition.name}.json`)
  const document = {
    name: definition.name,
    description: definition.description ?? null,
    date: new Date().toISOString(),
    machine: machineInfo(),
    notes: definition.notes ?? [],
    rows,
  }
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`)
  return file
}

/** The bench's rows as a plain-text table, with its title and notes. */
export function formatTable(definition: BenchDefinition, rows: ResultRow[]): string {
  const showBackend = rows.some((r) => r.watched.some((w) => w.peakRssBytes !== null))
  const showRowsPerSecond = rows.some((r) => r.rowsPerSecond !== null)
  const extraColumns = [...new Set(rows.flatMap((r) => Object.keys(r.extra)))]
  const header = [
    "case",
    "size",
    "p50 (ms)",
    "p95 (ms)",
    "ratio",
    "peak RSS",
    ...(showBackend ? ["backend RSS (anon)"] : []),
    ...(showRowsPerSecond ? ["rows/s"] : []),
    ...extraColumns,
  ]
  const body = rows.map((r) => {
    const backend = r.watched.find((w) => w.peakRssBytes !== null)
    const cells = [
      r.case,
      integer(r.size),
      r.skipped ? "skipped" : milliseconds(r.p50Ms),
      r.skipped ? "" : milliseconds(r.p95Ms),
      r.ratio === null ? "-" : `${r.ratio.toFixed(2)}x`,
      bytes(r.peakRssBytes),
      ...(showBackend ? [backend ? `${bytes(backend.peakRssBytes)} (${bytes(backend.peakRssAnonBytes)})` : "-"] : []),
      ...(showRowsPerSecond ? [r.rowsPerSecond === null ? "-" : integer(r.rowsPerSecond)] : []),
      ...extraColumns.map((c) => cell(r.extra[c])),
    ]
    return cells
  })
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd()
  const notes = [
    ...rows.filter((r) => r.skipped).map((r) => `${r.case} @ ${integer(r.size)} skipped: ${r.skipped}`),
    ...(definition.notes ?? []),
  ]
  return [
    `${definition.name}${definition.description ? ` — ${definition.description}` : ""}`,
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
    ...notes.map((n) => `* ${n}`),
    "",
  ].join("\n") + "\n"
}

function integer(value: number): string {
  return Math.round(value).toLocaleString("en-US")
}

function milliseconds(value: number | null): string {
  return value === null || Number.isNaN(value) ? "-" : value >= 100 ? integer(value) : value.toFixed(2)
}

function bytes(value: number | null): string {
  if (value === null) {
    return "-"
  }
  const mib = value / (1024 * 1024)
  return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${mib.toFixed(0)} MiB`
}

function cell(value: number | string | undefined): string {
  if (value === undefined) {
    return ""
  }
  return typeof value === "number" ? (Number.isInteger(value) ? integer(value) : value.toFixed(2)) : value
}
