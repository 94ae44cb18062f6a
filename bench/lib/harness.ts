/**
 * A tiny benchmark harness. A bench file `bench/<name>.bench.ts` default-exports (or exports as
 * `run`) a `defineBench({...})`; `npm run bench` runs each bench file in its own process through
 * run-bench-file.ts, which calls `runBench`. Every case is timed over warm-up runs plus N measured
 * runs (or one wall-time run for long cases: `iterations: 1`), and reported with p50/p95, the ratio
 * to its group's baseline case of the same size from the same run, and peak RSS. Benchmarks
 * measure; they never assert a speed.
 */
import { quantile } from "./stats"
import { RssSampler } from "./rss"
import { formatTable, writeResults, type ResultRow } from "./report"

export type BenchContext = {
  /** 0-based index of this run among the case's warm-up plus measured runs. */
  run: number
  warmup: boolean
  /** Samples another process's RSS (e.g. `SELECT pg_backend_pid()`) during this run too. */
  watchPid(pid: number): void
}

/** What a run may report: rows it handled (for rows/s) and extra columns (last measured run wins). */
export type RunOutcome = void | { rows?: number; extra?: Record<string, number | string> }

export type BenchCase = {
  case: string
  size: number
  /** Cases of a group and size are compared with the group's baseline; defaults to "default". */
  group?: string
  baseline?: boolean
  /** Measured runs; 1 makes a single wall-time run. */
  iterations: number
  /** Runs before measuring; defaults to 1 when iterations > 1, else 0. */
  warmup?: number
  /** When set, the case is not run and the reason is reported instead. */
  skip?: string
  fn: (context: BenchContext) => RunOutcome | Promise<RunOutcome>
}

export type BenchDefinition = {
  /** Names the results file: bench/results/<name>.json. */
  name: string
  description?: string
  /** Lines printed under the table and kept in the results file. */
  notes?: string[]
  setup?: () => void | Promise<void>
  cases: BenchCase[]
  teardown?: () => void | Promise<void>
}

/** Declares a bench; an identity function that gives bench files their types. */
export function defineBench(definition: BenchDefinition): BenchDefinition {
  return definition
}

export type RunBenchOptions = {
  /** Where the table goes; stdout by default. */
  write?: (text: string) => void
  /** Progress lines (case started); nothing by default. */
  progress?: (text: string) => void
  /** Directory of the results file; bench/results by default. */
  resultsDir?: string
}

/** Runs a bench's cases in order, prints the table, writes the results file and returns the rows. */
export async function runBench(definition: BenchDefinition, options: RunBenchOptions = {}): Promise<ResultRow[]> {
  const write = options.write ?? ((text: string) => process.stdout.write(text))
  const rows: ResultRow[] = []
  await definition.setup?.()
  try {
    for (const benchCase of definition.cases) {
      options.progress?.(`${definition.name}: ${benchCase.case} @ ${benchCase.size}`)
      rows.push(await runCase(benchCase))
    }
  } finally {
    await definition.teardown?.()
  }
  addRatios(rows)
  write(formatTable(definition, rows))
  writeResults(definition, rows, options.resultsDir)
  return rows
}

async function runCase(benchCase: BenchCase): Promise<ResultRow> {
  const group = benchCase.group ?? "default"
  const base = { case: benchCase.case, size: benchCase.size, group, baseline: Boolean(benchCase.baseline) }
  if (benchCase.skip) {
    return { ...base, skipped: benchCase.skip, samplesMs: [], p50Ms: null, p95Ms: null, ratio: null, peakRssBytes: null, watched: [], rows: null, rowsPerSecond: null, extra: {} }
  }
  if (!Number.isInteger(benchCase.iterations) || benchCase.iterations < 1) {
    throw new Error(`${benchCase.case}: iterations must be a positive integer`)
  }
  const warmup = benchCase.warmup ?? (benchCase.iterations > 1 ? 1 : 0)
  const samplesMs: number[] = []
  let outcome: RunOutcome = undefined
  let peakRssBytes = 0
  let watched: ResultRow["watched"] = []
  for (let run = 0; run < warmup + benchCase.iterations; run++) {
    const isWarmup = run < warmup
    collectGarbage()
    const sampler = new RssSampler()
    const context: BenchContext = { run, warmup: isWarmup, watchPid: (pid) => sampler.watch(pid) }
    const started = performance.now()
    let result: RunOutcome
    try {
      result = await benchCase.fn(context)
    } catch (e) {
      sampler.stop()
      if (e instanceof Error) {
        e.message = `${benchCase.case} @ ${benchCase.size}: ${e.message}`
      }
      throw e
    }
    const elapsed = performance.now() - started
    const peaks = sampler.stop()
    if (isWarmup) {
      continue
    }
    samplesMs.push(elapsed)
    peakRssBytes = Math.max(peakRssBytes, peaks.peakRssBytes)
    watched = mergeWatched(watched, peaks.watched)
    outcome = result
  }
  const p50Ms = quantile(samplesMs, 0.5)
  const rows = outcome?.rows ?? null
  return {
    ...base,
    samplesMs,
    p50Ms,
    p95Ms: quantile(samplesMs, 0.95),
    ratio: null,
    peakRssBytes,
    watched,
    rows,
    rowsPerSecond: rows === null ? null : rows / (p50Ms / 1000),
    extra: outcome?.extra ?? {},
  }
}

/** Folds one run's watched peaks into the case's: the case keeps, per watch slot, the largest peak. */
function mergeWatched(sofar: ResultRow["watched"], run: ResultRow["watched"]): ResultRow["watched"] {
  const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b))
  return Array.from({ length: Math.max(sofar.length, run.length) }, (_, i) => ({
    pid: run[i]?.pid ?? sofar[i].pid,
    peakRssBytes: max(sofar[i]?.peakRssBytes ?? null, run[i]?.peakRssBytes ?? null),
    peakRssAnonBytes: max(sofar[i]?.peakRssAnonBytes ?? null, run[i]?.peakRssAnonBytes ?? null),
  }))
}

function addRatios(rows: ResultRow[]): void {
  for (const row of rows) {
    const baseline = rows.find((r) => r.baseline && r.group === row.group && r.size === row.size)
    if (baseline?.p50Ms && row.p50Ms !== null) {
      row.ratio = row.p50Ms / baseline.p50Ms
    }
  }
}

function collectGarbage(): void {
  // Available when the bench runs with --expose-gc (run-bench.ts does), so a case starts clean.
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
}
