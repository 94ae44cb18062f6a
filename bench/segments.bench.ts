/**
 * Segments over the customer-facts read model at scale (issue 5: "preview count p50/p95 for five
 * trees (incl. the vendor's), each beside a hand-written optimal SQL query for the same question
 * in the same run (target: ≤ 1.5× and < 300 ms at 1M); membership refresh latency for one
 * customer with 100 live segments (target < 2 s p95)").
 *
 * At every size in BENCH_SIZES (customers; ~10 purchased lines each, the three demo cases mixed
 * evenly), in schema retention_bench_segments_<size> of the bench database:
 * - load: the foundation's bulk generator fills its staging tables, the facts tables (both
 *   modules' migration SQL) are filled set-based from them, and the module's real
 *   recomputeAggregates() and recomputeRfm() build the aggregates (timed); VACUUM ANALYZE
 *   (bench/lib/segments/load.ts). Reused by later runs when complete.
 * - prepare: both real module services through the framework's module loader
 *   (bench/lib/segments/module.ts), 100 live segments saved through the segments service, every
 *   tree's count from the service checked against its hand-written query, memberships checked on
 *   sample customers, and a probe that sets how many runs each case gets (a time budget per case).
 * - preview count of five trees (bench/lib/segments/trees.ts) through `previewDefinition`
 *   (sample_size 0) against the hand-written query, on a plain pg connection with the same
 *   work_mem the service sets;
 * - membership of one random customer in the 100 live segments: `evaluateCustomers` (one query,
 *   then the membership diff written), also with the step's `listSegments` read in front, against
 *   the bare compiled SELECT of the same 100 predicates without writes;
 * - one full `refreshMembership` of the vendor segment, then one that finds nothing to change.
 */
import os from "node:os"
import type { Client } from "@medusajs/framework/pg"
import { createPgConnection } from "@medusajs/framework/utils"
import { compileDefinition } from "../src/modules/segments/definition/compile"
import { EMPTY_REFERENCES } from "../src/modules/segments/definition/references"
import { storedDefinition, storedReferences } from "../src/modules/segments/definition/stored-definition"
import { join, raw, sql, value } from "../src/modules/segments/definition/sql-fragment"
import type { EvaluableSegment } from "../src/modules/segments/service"
import { benchDatabaseUrl, benchSizes } from "./lib/env"
import { defineBench, type BenchCase, type BenchContext, type BenchDefinition } from "./lib/harness"
import { caseCounts } from "./lib/seed-rows"
import { connect, ensureLoaded, type LoadSummary } from "./lib/segments/load"
import { loadModules, type LoadedModules } from "./lib/segments/module"
import { liveSegmentDefinitions, TREES, type BenchTree } from "./lib/segments/trees"
import { quantile } from "./lib/stats"
import { SeededRandom } from "../src/scripts/demo-data/random"

const SEED = 42
/** The day the histories end on, and the bench's "now" for every relative date. */
const ANCHOR = new Date(Date.UTC(2025, 5, 1))
const LINES_PER_CUSTOMER = 10
const LIVE_SEGMENTS = 100
/** What the segments service sets for its queries (its default `workMem`); the baselines get the same. */
const WORK_MEM = "64MB"
const TARGET_PREVIEW_MS = 300
const TARGET_RATIO = 1.5
const TARGET_MEMBERSHIP_P95_MS = 2000
/** Wall time each measured case may take (probe × runs); SEGMENTS_BENCH_BUDGET_S overrides. */
const CASE_BUDGET_MS = Number(process.env.SEGMENTS_BENCH_BUDGET_S ?? 45) * 1000
const MIN_RUNS = 5
const MAX_RUNS = 200
/** Customers whose memberships are checked against the hand-written queries while preparing. */
const CHECK_CUSTOMERS = 20
/** Up to this size, every live segment's set rendering is checked against its per-customer rendering. */
const FULL_CHECK_MAX_CUSTOMERS = 100_000

const sizes = benchSizes()
const notes: string[] = []
const shapeNotes: string[] = []
const checkNotes: string[] = []
const verdictNotes: string[] = []
const log = (line: string) => process.stderr.write(`  [segments] ${line}\n`)
const fmt = (n: number) => n.toLocaleString("en-US")

type Knex = ReturnType<typeof createPgConnection>

type SizeState = {
  load: LoadSummary
  modules: LoadedModules
  raw: Client
  rawPid: number
  /** A plain knex (no module, no transaction) for the bare compiled SELECT. */
  rawKnex: Knex
  servicePids: number[]
  live: EvaluableSegment[]
  vendor: EvaluableSegment
  /** Matching customers per tree: service and baseline (the last measured run of each). */
  counts: Record<string, { service?: number; baseline?: number }>
  entered: number
  evaluations: number
}

const loads = new Map<number, LoadSummary>()
let current: { size: number; state: SizeState } | null = null
/** Every measured case, with its samples, for the verdicts written at teardown. */
const measured: { size: number; benchCase: BenchCase; kind: "preview" | "baseline" | "membership"; tree?: BenchTree; samples: number[] }[] = []

function state(size: number): SizeState {
  if (!current || current.size !== size) {
    throw new Error(`size ${size} is not prepared`)
  }
  return current.state
}

async function closeCurrent(): Promise<void> {
  if (current) {
    const { state: s } = current
    current = null
    await s.raw.end().catch(() => undefined)
    await s.rawKnex.destroy().catch(() => undefined)
    await s.modules.shutdown()
  }
}

/** The machine's 1-minute load average (2 cores here: above 2, the case shared the CPU). */
const loadAverage = () => Math.round(os.loadavg()[0] * 10) / 10

/** Uniformly random customers of a load (ids `cus_bench_<case>_<index>`, see seed-rows.ts). */
function customerPicker(size: number, seed: number): () => string {
  const random = new SeededRandom(seed)
  const counts = caseCounts(size)
  return () => {
    let i = random.int(0, size - 1)
    for (const [demoCase, count] of counts) {
      if (i < count) return `cus_bench_${demoCase}_${i}`
      i -= count
    }
    throw new Error("unreachable")
  }
}

async function baselineCount(s: SizeState, tree: BenchTree): Promise<number> {
  const { text, values } = tree.baseline(ANCHOR)
  const { rows } = await s.raw.query<{ count: number }>({ text: `SELECT count(*)::int AS count FROM (${text}) b`, values })
  return rows[0].count
}

async function serviceCount(s: SizeState, tree: BenchTree): Promise<number> {
  const { count } = await s.modules.segments.previewDefinition({ definition: tree.definition, references: EMPTY_REFERENCES, now: ANCHOR, sample_size: 0 })
  return count
}

/** The service's per-customer query for these segments, without its locks and membership writes. */
async function compiledMembership(s: SizeState, customerIds: string[]): Promise<Map<string, Set<string>>> {
  const segments = [...s.live].sort((a, b) => a.id.localeCompare(b.id))
  const columns = segments.map((segment, i) => {
    const predicate = compileDefinition(segment.definition, { mode: "customer", now: ANCHOR, references: segment.references, segment_id: segment.id })
    return sql`${predicate} as ${raw(`s${i}`)}`
  })
  const query = sql`select cf.customer_id, ${join(columns, ", ")} from customer_fact cf where cf.customer_id = any(${value(customerIds, "text[]")})`
  const { rows } = await s.rawKnex.raw(query.sql, query.bindings as never[])
  const members = new Map<string, Set<string>>()
  for (const row of rows as Record<string, unknown>[]) {
    members.set(row.customer_id as string, new Set(segments.filter((_, i) => row[`s${i}`] === true).map((seg) => seg.id)))
  }
  return members
}

async function evaluateOne(s: SizeState, customerId: string): Promise<void> {
  const { entered } = await s.modules.segments.evaluateCustomers({ segments: s.live, customer_ids: [customerId], now: ANCHOR })
  s.entered += entered.length
  s.evaluations++
}

/** What the evaluate step does before the service call: read the live segments back. */
async function liveFromService(s: SizeState): Promise<EvaluableSegment[]> {
  const live = await s.modules.segments.listSegments({ is_live: true })
  return live.map((seg) => ({ id: seg.id, definition: storedDefinition(seg), references: storedReferences(seg) }))
}

/** Times `op` back to back: one warm-up, then up to 3 runs or 5 s; returns the median. */
async function probe(op: () => Promise<unknown>): Promise<number> {
  await op()
  const samples: number[] = []
  const started = performance.now()
  while (samples.length < 3 && (samples.length === 0 || performance.now() - started < 5000)) {
    const t = performance.now()
    await op()
    samples.push(performance.now() - t)
  }
  return quantile(samples, 0.5)
}

function budgetRuns(benchCase: BenchCase, probeMs: number): void {
  benchCase.iterations = Math.max(MIN_RUNS, Math.min(MAX_RUNS, Math.floor(CASE_BUDGET_MS / Math.max(probeMs, 0.5))))
  benchCase.warmup = probeMs >= 1000 ? 1 : 2
}

function record(size: number, benchCase: BenchCase, kind: "preview" | "baseline" | "membership", tree?: BenchTree) {
  const entry = { size, benchCase, kind, tree, samples: [] as number[] }
  measured.push(entry)
  return entry
}

function watchLast(benchCase: BenchCase, context: BenchContext, pids: number[]) {
  // VmHWM is a process's lifetime peak: watching the backends once, at the last run, is enough.
  if (context.run === (benchCase.warmup ?? 0) + benchCase.iterations - 1) {
    for (const pid of pids) context.watchPid(pid)
  }
}

/** Runs `op`, timing it for the verdicts too (the harness's sample includes the same call). */
async function timed(entry: { samples: number[] }, context: BenchContext, op: () => Promise<void>) {
  const started = performance.now()
  await op()
  if (!context.warmup) entry.samples.push(performance.now() - started)
}

function treeCases(size: number, tree: BenchTree): BenchCase[] {
  const group = `preview ${tree.key}`
  const baseline: BenchCase = {
    case: `${tree.key}: hand-written SQL count`,
    size,
    group,
    baseline: true,
    iterations: MIN_RUNS,
    fn: async (context) => {
      const s = state(size)
      let count = 0
      await timed(baselineEntry, context, async () => {
        count = await baselineCount(s, tree)
      })
      s.counts[tree.key] = { ...s.counts[tree.key], baseline: count }
      watchLast(baseline, context, [s.rawPid])
      return { extra: { count, "load 1m": loadAverage() } }
    },
  }
  const service: BenchCase = {
    case: `${tree.key}: previewDefinition (service)`,
    size,
    group,
    iterations: MIN_RUNS,
    fn: async (context) => {
      const s = state(size)
      let count = 0
      await timed(serviceEntry, context, async () => {
        count = await serviceCount(s, tree)
      })
      s.counts[tree.key] = { ...s.counts[tree.key], service: count }
      watchLast(service, context, s.servicePids)
      const expected = s.counts[tree.key].baseline
      return { extra: { count, match: expected === undefined ? "?" : expected === count ? "yes" : `MISMATCH (sql ${expected})`, "load 1m": loadAverage() } }
    },
  }
  const baselineEntry = record(size, baseline, "baseline", tree)
  const serviceEntry = record(size, service, "preview", tree)
  return [baseline, service]
}

function membershipCases(size: number): BenchCase[] {
  let pickRaw = customerPicker(size, 11)
  let pickService = customerPicker(size, 12)
  let pickStep = customerPicker(size, 13)
  const rawCase: BenchCase = {
    case: `membership, 1 customer × ${LIVE_SEGMENTS} segments: compiled SELECT (no writes)`,
    size,
    group: "membership",
    baseline: true,
    iterations: MIN_RUNS,
    fn: async (context) => {
      const s = state(size)
      if (context.run === 0) pickRaw = customerPicker(size, 11)
      await timed(rawEntry, context, async () => {
        await compiledMembership(s, [pickRaw()])
      })
      watchLast(rawCase, context, [s.rawPid])
      return { extra: { "load 1m": loadAverage() } }
    },
  }
  const serviceCase: BenchCase = {
    case: `membership: evaluateCustomers (service, writes the diff)`,
    size,
    group: "membership",
    iterations: MIN_RUNS,
    fn: async (context) => {
      const s = state(size)
      if (context.run === 0) {
        pickService = customerPicker(size, 12)
        s.entered = 0
        s.evaluations = 0
      }
      await timed(serviceEntry, context, () => evaluateOne(s, pickService()))
      watchLast(serviceCase, context, s.servicePids)
      return { extra: { "entered/run": Math.round((s.entered / Math.max(1, s.evaluations)) * 100) / 100, "load 1m": loadAverage() } }
    },
  }
  const stepCase: BenchCase = {
    case: `membership: listSegments + evaluateCustomers (the step's calls)`,
    size,
    group: "membership",
    iterations: MIN_RUNS,
    fn: async (context) => {
      const s = state(size)
      if (context.run === 0) pickStep = customerPicker(size, 13)
      await timed(stepEntry, context, async () => {
        const live = await liveFromService(s)
        await s.modules.segments.evaluateCustomers({ segments: live, customer_ids: [pickStep()], now: ANCHOR })
      })
      watchLast(stepCase, context, s.servicePids)
      return { extra: { "load 1m": loadAverage() } }
    },
  }
  const rawEntry = record(size, rawCase, "baseline")
  const serviceEntry = record(size, serviceCase, "membership")
  const stepEntry = record(size, stepCase, "membership")
  return [rawCase, serviceCase, stepCase]
}

function refreshCases(size: number): BenchCase[] {
  const refresh = (label: string): BenchCase => ({
    case: label,
    size,
    group: "refresh",
    iterations: 1,
    warmup: 0,
    fn: async (context) => {
      const s = state(size)
      for (const pid of s.servicePids) context.watchPid(pid)
      const result = await s.modules.segments.refreshMembership({ segment: s.vendor, now: ANCHOR })
      return {
        rows: result.entered.length + result.exited.length,
        extra: { entered: result.entered.length, exited: result.exited.length, members: result.member_count, "load 1m": loadAverage() },
      }
    },
  })
  return [refresh("refreshMembership, vendor segment (first full refresh)"), refresh("refreshMembership, vendor segment (again, nothing changed)")]
}

function casesAt(size: number): BenchCase[] {
  const previews = TREES.flatMap((tree) => treeCases(size, tree))
  const membership = membershipCases(size)
  const load: BenchCase = {
    case: "load (staging COPY, facts INSERT…SELECT, indexes, recompute, VACUUM)",
    size,
    group: "load",
    iterations: 1,
    fn: async (context) => {
      const summary = await ensureLoaded(benchDatabaseUrl(), size, {
        seed: SEED,
        anchor: ANCHOR,
        linesPerCustomer: LINES_PER_CUSTOMER,
        onBackend: (pid) => context.watchPid(pid),
        log,
      })
      loads.set(size, summary)
      const t = summary.timings
      const s = (ms: number) => Math.round(ms / 1000)
      const bytes = Object.values(summary.tableBytes).reduce((a, b) => a + b, 0)
      shapeNotes.push(
        `@ ${fmt(size)}: ${fmt(summary.customers)} customers, ${fmt(summary.orders)} orders, ${fmt(summary.lines)} purchased lines ` +
          `(${(summary.lines / summary.customers).toFixed(1)}/customer), ${fmt(summary.productFacts)} customer×product facts, ${fmt(summary.spendFacts)} spend facts, ` +
          `${(bytes / 2 ** 30).toFixed(2)} GiB with indexes (${Object.entries(summary.tableBytes)
            .sort((a, b) => b[1] - a[1])
            .map(([table, b]) => `${table} ${(b / 2 ** 20).toFixed(0)} MiB`)
            .join(", ")}); ` +
          `staging ${s(t.stagingMs)} s, INSERT…SELECT ${s(t.insertMs)} s, indexes ${s(t.indexMs)} s, ` +
          `recomputeAggregates() ${s(t.aggregatesMs)} s, recomputeRfm() ${s(t.rfmMs)} s, VACUUM ANALYZE ${s(t.vacuumMs)} s` +
          (summary.reused ? ` (loaded ${summary.loadedAt.toISOString().slice(0, 16)} and reused)` : "")
      )
      return {
        rows: summary.reused ? undefined : summary.customers + summary.orders + summary.lines,
        extra: {
          "staging (s)": s(t.stagingMs),
          "insert (s)": s(t.insertMs),
          "indexes (s)": s(t.indexMs),
          "recompute aggregates (s)": s(t.aggregatesMs),
          "recompute rfm (s)": s(t.rfmMs),
          "vacuum (s)": s(t.vacuumMs),
          reused: summary.reused ? "yes" : "no",
        },
      }
    },
  }
  const prepare: BenchCase = {
    case: `prepare (modules, ${LIVE_SEGMENTS} segments, cross-checks, probes)`,
    size,
    group: "prepare",
    iterations: 1,
    fn: async () => {
      const summary = loads.get(size)
      if (!summary) {
        throw new Error(`size ${size} was not loaded`)
      }
      await closeCurrent()
      const url = benchDatabaseUrl()
      const started = performance.now()
      const modules = await loadModules(url, summary.schema)
      const moduleMs = performance.now() - started
      const rawClient = await connect(url, summary.schema, "retention_bench_segments_raw")
      await rawClient.query("SELECT set_config('work_mem', $1, false)", [WORK_MEM])
      const rawPid = (await rawClient.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid
      const rawKnex = createPgConnection({ clientUrl: url, schema: summary.schema })

      // A fresh set of live segments each run (the bench schema is the bench's own).
      await rawClient.query("TRUNCATE segment, segment_membership")
      const created = await modules.segments.createSegments(
        liveSegmentDefinitions(LIVE_SEGMENTS, SEED).map((d) => ({ name: d.name, definition: d.definition as unknown as Record<string, unknown>, is_live: true }))
      )
      const s: SizeState = {
        load: summary,
        modules,
        raw: rawClient,
        rawPid,
        rawKnex,
        servicePids: [],
        live: [],
        vendor: null as unknown as EvaluableSegment,
        counts: {},
        entered: 0,
        evaluations: 0,
      }
      current = { size, state: s }
      s.live = await liveFromService(s)
      const vendorId = created.find((c) => c.name === TREES[0].label)?.id
      s.vendor = s.live.find((seg) => seg.id === vendorId)!

      // Every tree: the service's count must be the hand-written query's.
      const treeCounts: string[] = []
      for (const tree of TREES) {
        const [fromService, fromSql] = [await serviceCount(s, tree), await baselineCount(s, tree)]
        s.counts[tree.key] = { service: fromService, baseline: fromSql }
        treeCounts.push(`${tree.key} ${fmt(fromService)}`)
        if (fromService !== fromSql) {
          log(`!!! MISMATCH @ ${size}: ${tree.label}: service ${fromService} ≠ hand-written ${fromSql}`)
          checkNotes.push(`MISMATCH @ ${fmt(size)}: ${tree.label}: service counts ${fromService}, the hand-written query ${fromSql}`)
        }
      }
      shapeNotes.push(`@ ${fmt(size)}: matching customers: ${treeCounts.join(", ")}`)

      // Memberships of sample customers: what evaluateCustomers wrote must be what the compiled
      // SELECT says, and for the five trees what their hand-written queries say.
      const pick = customerPicker(size, 99)
      const sample = [...new Set(Array.from({ length: CHECK_CUSTOMERS }, pick))]
      for (const id of sample) {
        await evaluateOne(s, id)
      }
      const compiled = await compiledMembership(s, sample)
      let problems = 0
      for (const id of sample) {
        const stored = new Set(await modules.segments.listCustomerSegmentIds(id))
        const expected = compiled.get(id) ?? new Set<string>()
        if (stored.size !== expected.size || [...stored].some((x) => !expected.has(x))) {
          problems++
          log(`!!! MISMATCH @ ${size}: ${id}: stored memberships ${[...stored].length} ≠ compiled ${expected.size}`)
        }
      }
      for (const [i, tree] of TREES.entries()) {
        const { text, values } = tree.baseline(ANCHOR)
        const { rows } = await rawClient.query<{ customer_id: string }>({
          text: `SELECT customer_id FROM (${text}) b WHERE customer_id = ANY($${values.length + 1}::text[])`,
          values: [...values, sample],
        })
        const bySql = new Set(rows.map((r) => r.customer_id))
        const segmentId = created.find((c) => c.name === tree.label)!.id
        for (const id of sample) {
          if ((compiled.get(id)?.has(segmentId) ?? false) !== bySql.has(id)) {
            problems++
            log(`!!! MISMATCH @ ${size}: ${id} in "${tree.label}": per-customer rendering ${!bySql.has(id)}, hand-written ${bySql.has(id)} (segment ${i})`)
          }
        }
      }
      // Up to FULL_CHECK_MAX_CUSTOMERS: every live segment's set rendering against its per-customer one.
      let setChecks = 0
      if (size <= FULL_CHECK_MAX_CUSTOMERS) {
        for (const segment of s.live) {
          const where = compileDefinition(segment.definition, { mode: "set", now: ANCHOR, references: segment.references, segment_id: segment.id })
          const { rows } = await rawKnex.raw(`select cf.customer_id from customer_fact cf where ${where.sql} and cf.customer_id = any(?::text[])`, [
            ...(where.bindings as never[]),
            sample as never,
          ])
          const inSet = new Set((rows as { customer_id: string }[]).map((r) => r.customer_id))
          for (const id of sample) {
            setChecks++
            if ((compiled.get(id)?.has(segment.id) ?? false) !== inSet.has(id)) {
              problems++
              log(`!!! MISMATCH @ ${size}: ${id} in segment ${segment.id}: set rendering ${inSet.has(id)}, per-customer ${!inSet.has(id)}`)
            }
          }
        }
      }
      const memberships = [...compiled.values()].reduce((n, set) => n + set.size, 0)
      checkNotes.push(
        `@ ${fmt(size)}: ${sample.length} sample customers (${memberships} memberships in ${LIVE_SEGMENTS} segments): stored = compiled SELECT, ` +
          `five trees' per-customer rendering = hand-written query${setChecks ? `, set = per-customer rendering for all ${LIVE_SEGMENTS} segments (${setChecks} pairs)` : ""}: ` +
          (problems ? `${problems} MISMATCHES` : "all equal")
      )
      if (problems) {
        log(`!!! ${problems} membership mismatches @ ${size}`)
      }

      // Probe every measured case and give it the runs its budget allows.
      const probes: Record<string, number> = {}
      for (const tree of TREES) {
        const [baseline, service] = previews.filter((c) => c.group === `preview ${tree.key}`)
        const b = await probe(() => baselineCount(s, tree))
        const v = await probe(() => serviceCount(s, tree))
        budgetRuns(baseline, b)
        budgetRuns(service, v)
        probes[tree.key] = Math.round(v)
      }
      const probePick = customerPicker(size, 7)
      const m = await probe(() => compiledMembership(s, [probePick()]))
      const e = await probe(() => evaluateOne(s, probePick()))
      budgetRuns(membership[0], m)
      budgetRuns(membership[1], e)
      budgetRuns(membership[2], e)
      probes.membership = Math.round(e)
      s.servicePids = await modules.backendPids()
      log(`@ ${size}: modules loaded in ${moduleMs.toFixed(0)} ms; probes (ms) ${JSON.stringify(probes)}`)
      return { extra: { "module init (ms)": Math.round(moduleMs), "set checks": setChecks, "membership problems": problems } }
    },
  }
  return [load, prepare, ...previews, ...membership, ...refreshCases(size)]
}

function verdicts(): void {
  const bySize = new Map<number, typeof measured>()
  for (const entry of measured) bySize.set(entry.size, [...(bySize.get(entry.size) ?? []), entry])
  for (const [size, entries] of bySize) {
    for (const tree of TREES) {
      const service = entries.find((e) => e.kind === "preview" && e.tree === tree)
      const baseline = entries.find((e) => e.kind === "baseline" && e.tree === tree)
      if (!service?.samples.length || !baseline?.samples.length) continue
      const p50 = quantile(service.samples, 0.5)
      const p95 = quantile(service.samples, 0.95)
      const ratio = p50 / quantile(baseline.samples, 0.5)
      const meets = p95 < TARGET_PREVIEW_MS && ratio <= TARGET_RATIO
      verdictNotes.push(
        `preview ${tree.key} @ ${fmt(size)}: p50 ${p50.toFixed(1)} / p95 ${p95.toFixed(1)} ms, ${ratio.toFixed(2)}× the hand-written query ` +
          (size === 1_000_000
            ? `(${meets ? "meets" : "MISSES"} the target: ≤ ${TARGET_RATIO}× and p95 < ${TARGET_PREVIEW_MS} ms)`
            : `(the target is for 1M; here ${meets ? "within" : "outside"} it)`)
      )
    }
    for (const entry of entries.filter((e) => e.kind === "membership" && e.samples.length)) {
      const p95 = quantile(entry.samples, 0.95)
      verdictNotes.push(
        `${entry.benchCase.case} @ ${fmt(size)}: p95 ${p95.toFixed(1)} ms over ${entry.samples.length} runs ` +
          `(${p95 < TARGET_MEMBERSHIP_P95_MS ? "meets" : "MISSES"} p95 < ${TARGET_MEMBERSHIP_P95_MS} ms)`
      )
    }
  }
}

const definition: BenchDefinition = defineBench({
  name: "segments",
  description: `segment preview counts and per-customer membership over the customer facts (size = customers, ~${LINES_PER_CUSTOMER} purchased lines each)`,
  notes,
  setup: () => {
    benchDatabaseUrl()
    notes.push(
      `targets (issue 5): preview count ≤ ${TARGET_RATIO}× the hand-written query and < ${TARGET_PREVIEW_MS} ms at 1,000,000 customers (judged on p50 ratio and p95); ` +
        `membership of one customer in ${LIVE_SEGMENTS} live segments p95 < ${TARGET_MEMBERSHIP_P95_MS} ms; ratio = p50 / the group's baseline p50 at the same size`,
      `data: the demo plans of the three cases (pharmacy, software, electronics) split evenly, topped up to ≥ ${LINES_PER_CUSTOMER} lines per customer, as imported history; ` +
        `now = ${ANCHOR.toISOString().slice(0, 10)} (the day the histories end) for every relative date`,
      `baselines run on a plain pg connection with work_mem ${WORK_MEM}, what the segments service sets for its own queries; ` +
        "the service's preview is previewDefinition(sample_size 0): BEGIN, set_config ×2, the count, COMMIT",
      `membership: random customers, ${LIVE_SEGMENTS} live segments (the five trees and generated variants over every field); ` +
        "evaluateCustomers runs one query for all segments then inserts/deletes the membership diff (entered/run = rows inserted per call); " +
        "the baseline is the same compiled SELECT without locks, transaction or writes",
      `runs per case: as many as a probe says fit in ${CASE_BUDGET_MS / 1000} s (SEGMENTS_BENCH_BUDGET_S), ${MIN_RUNS}–${MAX_RUNS}, after 1–2 warm-up runs`,
      "peak RSS = this process (bench + both modules); backend RSS = the PostgreSQL backend(s) serving the case (VmHWM incl. shared buffers; anon = private); " +
        `load 1m = the machine's 1-minute load average at the end of the case (${os.cpus().length} cores: above ${os.cpus().length}, the case shared the CPU with other work)`
    )
  },
  cases: sizes.flatMap(casesAt),
  teardown: async () => {
    await closeCurrent()
    verdicts()
    notes.push(...shapeNotes, ...checkNotes, ...verdictNotes)
  },
})

export default definition
