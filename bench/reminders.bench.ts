/**
 * Repurchase reminders at scale (issue 6: "scheduling on order placed, and one job run over 1M
 * customers with 100k reminders due: claim-and-suppress throughput (reminders/s), peak RSS").
 *
 * At every size in BENCH_SIZES (customers; ~10 purchased lines each, the three demo cases mixed
 * evenly, the segments bench's facts load), in schema retention_bench_reminders_<size>
 * (bench/lib/reminders/load.ts): four rules (the pharmacy's box of 28 at 28 days, a foam, a yearly
 * licence, a filter pack), every customer's coverage by the module's own SQL, a scheduled
 * reminder per running coverage, a tenth of the customers' reminders due now, and planted
 * suppressions (reordered since, open carts, unsubscribed, at the frequency cap).
 * - scheduling on order placed: `syncCoverage` for one random pharmacy customer (what the
 *   customer_facts.refreshed subscriber runs after an order: advisory lock, coverage SQL, coverage
 *   rows replaced, reminders moved), beside the bare coverage SELECT for that customer;
 * - one send run: the hourly job's `sendDueReminders` over every due reminder with the real
 *   modules: claims (skip locked, lease), the pre-send re-checks (coverage, open carts through the
 *   Cart module, consent, suppressed addresses, the frequency cap in the message ledger), sends
 *   through Medusa's Notification module with its local provider (it logs, nothing leaves the
 *   machine), completes each claim by its token;
 * - a rule change on the worker: `syncReminderRuleCoverage` over every buyer of the foam rule.
 */
import { ContainerRegistrationKeys, createPgConnection } from "@medusajs/framework/utils"
import { coverageSql } from "../src/modules/reminders/utils/coverage-sql"
import { syncReminderRuleCoverage } from "../src/workflows/reminders/steps/sync-reminder-rule-coverage"
import { sendDueReminders } from "../src/workflows/reminders/steps/send-due-reminders"
import { SeededRandom } from "../src/scripts/demo-data/random"
import { benchDatabaseUrl, benchSizes } from "./lib/env"
import { defineBench, type BenchCase, type BenchContext } from "./lib/harness"
import { BENCH_RULES, FACTS_LOAD, loadReminders, SUPPRESSION_MIX, type ReminderLoad } from "./lib/reminders/load"
import { describeTimes, timeCalls, type CallTimes } from "./lib/reminders/timings"
import { productId } from "./lib/segments/load"
import { caseCounts } from "./lib/seed-rows"

/** The day the histories end on: the send run's "now". */
const NOW = FACTS_LOAD.anchor
/** Reminders due in the send run, per customer of the size (100k at 1M). */
const DUE_SHARE = 0.1
const SCHEDULE_RUNS = Number(process.env.REMINDERS_BENCH_RUNS ?? 200)

const sizes = benchSizes()
const notes: string[] = [
  `data: the segments bench's facts (demo plans of the three cases, ~10 lines per customer, now = ${NOW.toISOString().slice(0, 10)}); ` +
    `${DUE_SHARE * 100} % of the customers' reminders due at the run; suppressions planted among the due ones: ` +
    Object.entries(SUPPRESSION_MIX)
      .map(([k, v]) => `${k} ${v * 100} %`)
      .join(", ") +
    "; no consent and missing e-mails as loaded",
  "send run: the real reminders, messaging, customer-facts, Cart and Notification modules (local provider: logs only, no e-mail leaves); batches of 500 (the default batchSize); one run, wall time; rows/s = reminders claimed per second",
  "schedule: random pharmacy customers; ratio = syncCoverage p50 / bare coverage SELECT p50",
  "peak RSS = this process (bench + modules); backend RSS = the PostgreSQL backends serving the modules (VmHWM incl. shared buffers; anon = private)",
]
const log = (line: string) => process.stderr.write(`  [reminders] ${line}\n`)
const fmt = (n: number) => Math.round(n).toLocaleString("en-US")

type Knex = ReturnType<typeof createPgConnection>
type SizeState = { load: ReminderLoad; raw: Knex; servicePids: number[] }

let current: { size: number; state: SizeState } | null = null

function state(size: number): SizeState {
  if (!current || current.size !== size) {
    throw new Error(`size ${size} is not loaded`)
  }
  return current.state
}

async function closeCurrent(): Promise<void> {
  if (current) {
    const { state: s } = current
    current = null
    await s.raw.destroy().catch(() => undefined)
    await s.load.modules.shutdown()
  }
}

/** Uniformly random pharmacy customers (ids `cus_bench_pharmacy_<index>`, see seed-rows.ts). */
function pharmacyPicker(size: number, seed: number): () => string {
  const random = new SeededRandom(seed)
  const pharmacy = caseCounts(size).find(([c]) => c === "pharmacy")![1]
  return () => `cus_bench_pharmacy_${random.int(0, pharmacy - 1)}`
}

function watchLast(benchCase: BenchCase, context: BenchContext, pids: number[]) {
  // VmHWM is a process's lifetime peak: watching the backends once, at the last run, is enough.
  if (context.run === (benchCase.warmup ?? 0) + benchCase.iterations - 1) {
    for (const pid of pids) context.watchPid(pid)
  }
}

function casesFor(size: number): BenchCase[] {
  const due = Math.round(size * DUE_SHARE)
  const load: BenchCase = {
    case: "load (reminders schema, coverage of everyone, reminders, suppressions)",
    size,
    group: "load",
    iterations: 1,
    fn: async () => {
      await closeCurrent()
      const url = benchDatabaseUrl()
      const loaded = await loadReminders(url, size, { due, now: NOW, log })
      const raw = createPgConnection({ clientUrl: url, schema: loaded.schema })
      current = { size, state: { load: loaded, raw, servicePids: await loaded.modules.backendPids() } }
      notes.push(
        `@ ${fmt(size)}: ${fmt(loaded.facts.customers)} customers, ${fmt(loaded.facts.lines)} purchased lines (facts schema ${loaded.facts.schema}` +
          `${loaded.facts.reused ? ", reused" : ", loaded now"}); ${BENCH_RULES.length} rules; coverage of everyone by the module's SQL: ${fmt(loaded.coverageRows)} rows in ` +
          `${(loaded.coverageMs / 1000).toFixed(1)} s; ${fmt(loaded.scheduled)} reminders scheduled, ${fmt(loaded.due)} due at the run; planted: ` +
          Object.entries(loaded.planted)
            .map(([k, v]) => `${k} ${fmt(v)}`)
            .join(", ")
      )
      return {
        extra: {
          "coverage rows": loaded.coverageRows,
          "coverage (s)": Math.round(loaded.coverageMs / 100) / 10,
          scheduled: loaded.scheduled,
          due: loaded.due,
        },
      }
    },
  }

  let pickBaseline = pharmacyPicker(size, 21)
  let pickService = pharmacyPicker(size, 21)
  const baseline: BenchCase = {
    case: "coverage SELECT, 1 customer (baseline)",
    size,
    group: "schedule",
    baseline: true,
    iterations: SCHEDULE_RUNS,
    warmup: 5,
    fn: async (context) => {
      const s = state(size)
      if (context.run === 0) pickBaseline = pharmacyPicker(size, 21)
      const { rows } = await s.raw.raw(coverageSql("p.customer_id = any(?::text[])"), [[pickBaseline()]])
      return { extra: { "coverage rows": rows.length } }
    },
  }
  const schedule: BenchCase = {
    case: "syncCoverage, 1 customer (service: lock, coverage, rows, reminders)",
    size,
    group: "schedule",
    iterations: SCHEDULE_RUNS,
    warmup: 5,
    fn: async (context) => {
      const s = state(size)
      if (context.run === 0) pickService = pharmacyPicker(size, 21)
      await s.load.modules.reminders.syncCoverage({ customer_ids: [pickService()], now: NOW })
      watchLast(schedule, context, s.servicePids)
    },
  }

  const send: BenchCase = {
    case: `send run: sendDueReminders over the due reminders (claim, re-check, send or suppress)`,
    size,
    group: "send",
    iterations: 1,
    fn: async (context) => {
      const s = state(size)
      for (const pid of await s.load.modules.backendPids()) context.watchPid(pid)
      const { reminders, messaging, facts, notification, container } = s.load.modules
      const times: CallTimes = {}
      const undo = [
        timeCalls(times, "claimDueReminders", reminders, "claimDueReminders"),
        timeCalls(times, "completeReminders", reminders, "completeReminders"),
        timeCalls(times, "computeCoverage", reminders, "computeCoverage"),
        timeCalls(times, "syncCoverage", reminders, "syncCoverage"),
        timeCalls(times, "listReminderRules", reminders, "listReminderRules"),
        timeCalls(times, "listCustomerFacts", facts, "listCustomerFacts"),
        timeCalls(times, "listSuppressedEmails", messaging, "listSuppressedEmails"),
        timeCalls(times, "reserveMessages", messaging, "reserveMessages"),
        timeCalls(times, "recordOutcomes", messaging, "recordOutcomes"),
        timeCalls(times, "createNotifications", notification, "createNotifications"),
        timeCalls(times, "query.graph (open carts, product titles)", container.resolve(ContainerRegistrationKeys.QUERY), "graph"),
      ]
      let result: Awaited<ReturnType<typeof sendDueReminders>>
      try {
        result = await sendDueReminders(container, { now: NOW })
      } finally {
        undo.forEach((restore) => restore())
      }
      const { rows } = await s.raw.raw(
        `select status, reason, count(*)::int as n from reminder where due_at <= ? and status <> 'scheduled' group by 1, 2 order by 1, 2`,
        [NOW]
      )
      const suppressed = Object.values(result.suppressed).reduce((a, b) => a + (b ?? 0), 0)
      notes.push(
        `send run @ ${fmt(size)}: claimed ${fmt(result.claimed)}, sent ${fmt(result.sent)}, failed ${fmt(result.failed)}, suppressed ${fmt(suppressed)} (` +
          Object.entries(result.suppressed)
            .map(([reason, n]) => `${reason} ${fmt(n ?? 0)}`)
            .join(", ") +
          `); reminders table after the run: ${(rows as { status: string; reason: string | null; n: number }[])
            .map((r) => `${r.status}${r.reason ? `/${r.reason}` : ""} ${fmt(r.n)}`)
            .join(", ")}`
      )
      notes.push(`send run @ ${fmt(size)}, where the time went: ${describeTimes(times)}`)
      return {
        rows: result.claimed,
        extra: { sent: result.sent, suppressed, failed: result.failed, ...Object.fromEntries(Object.entries(result.suppressed).map(([k, v]) => [k, v ?? 0])) },
      }
    },
  }

  const backfill: BenchCase = {
    case: "rule changed: syncReminderRuleCoverage over the foam rule's buyers (the worker's backfill)",
    size,
    group: "backfill",
    iterations: 1,
    fn: async (context) => {
      const s = state(size)
      for (const pid of await s.load.modules.backendPids()) context.watchPid(pid)
      const foam = BENCH_RULES[1]
      const result = await syncReminderRuleCoverage(s.load.modules.container, {
        id: s.load.ruleIds[foam.handle],
        product_ids: [productId(foam.handle)],
        variant_ids: [],
      }, NOW)
      notes.push(`rule backfill @ ${fmt(size)}: ${fmt(result.customers)} customers synced in pages of 500 (${JSON.stringify(result)})`)
      return { rows: result.customers, extra: { customers: result.customers, scheduled: result.scheduled, withdrawn: result.withdrawn } }
    },
  }
  return [load, baseline, schedule, send, backfill]
}

export default defineBench({
  name: "reminders",
  description: "repurchase reminders: scheduling on order placed, one send run, a rule's backfill",
  notes,
  cases: sizes.flatMap(casesFor),
  teardown: closeCurrent,
})
