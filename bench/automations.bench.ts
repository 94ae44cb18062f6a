/**
 * Automations at scale (issue 10: "100k customers entering a segment at once (e.g. after a
 * definition change): journeys started per second, message step throughput, peak RSS").
 *
 * At every size in BENCH_SIZES, in schema retention_bench_automations_<size>: that many customer
 * facts (an e-mail each; 95 % with marketing consent) who all just entered one segment, and an
 * active automation on that segment (steps: send an e-mail, add nothing else), loaded through the
 * framework's module loader with the real automations, segments, customer-facts, messaging,
 * Notification (local provider: logs only, no e-mail leaves) and Order modules.
 * - entry: `enterSegmentAutomations` for every member at once (what the segment.customer_entered
 *   subscribers do, batched): journeys started per second, beside the baseline of a bare INSERT
 *   of the same rows (no conditions, re-entry check, holdout or uniqueness);
 * - a replay of the same entries (the same trigger twice): starts nothing;
 * - the message step: one runner pass `runDueJourneys` over every journey (claims of 500, the
 *   exit check against Medusa's orders, consent, suppressions, the frequency cap in the message
 *   ledger, Notification module): messages per second.
 */
import path from "node:path"
import { Client } from "pg"
import { asValue } from "@medusajs/framework/awilix"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { AUTOMATIONS_MODULE } from "../src/modules/automations"
import type { AutomationStep } from "../src/modules/automations/definition/schema"
import type AutomationsModuleService from "../src/modules/automations/service"
import { BROWSING_MODULE } from "../src/modules/browsing"
import type BrowsingModuleService from "../src/modules/browsing/service"
import { CUSTOMER_FACTS_MODULE } from "../src/modules/customer-facts"
import { MESSAGING_MODULE } from "../src/modules/messaging"
import { SEGMENTS_MODULE } from "../src/modules/segments"
import type SegmentsModuleService from "../src/modules/segments/service"
import { EMPTY_REFERENCES } from "../src/modules/segments/definition/references"
import { enterSegmentAutomations } from "../src/workflows/automations/steps/enter-segment-automations"
import { runDueJourneys } from "../src/workflows/automations/steps/run-due-journeys"
import { benchDatabaseUrl, benchSizes } from "./lib/env"
import { defineBench, type BenchCase } from "./lib/harness"
import { readMigrationSql } from "./lib/loyalty/migration-sql"
import { bootModules, localNotificationModule, medusaMigrationSql, MODULES_DIR, pluginModule, quietLogger, sharedDatabaseOptions } from "./lib/module-loader"
import { describeTimes, timeCalls, type CallTimes } from "./lib/reminders/timings"

const NOW = new Date(Date.UTC(2026, 0, 15, 12))
const APPLICATION_NAME = "retention_bench_automations_service"
const CONSENT_SHARE = 0.95
const BROWSING_RUNS = Number(process.env.AUTOMATIONS_BENCH_BROWSING_RUNS ?? 500)

const sizes = benchSizes()
const notes: string[] = [
  `data: N customer facts with an e-mail, ${CONSENT_SHARE * 100} % with marketing consent, all members of one segment since now; one active automation on it (steps: send_email); no holdout, no conditions; frequency cap 3 per 7 days (default)`,
  "entry: rows/s = journeys started per second; baseline = a bare INSERT … SELECT of the same journey rows from the memberships (no re-entry check, no holdout, no uniqueness guard)",
  "message step: one runDueJourneys pass over every journey (batches of 500), the real modules; rows/s = journeys claimed and run per second",
  "browsing: one product-viewed event of a random customer per run, with tracking consent assumed (the workflow's consent read is not in it); baseline = the bare day-row upsert; the segment count runs the compiler's set SQL over 3 browsing rows per customer in the last 30 days (a third bought since)",
  "peak RSS = this process (bench + modules); backend RSS = the PostgreSQL backends serving the modules",
]
const log = (line: string) => process.stderr.write(`  [automations] ${line}\n`)
const fmt = (n: number) => Math.round(n).toLocaleString("en-US")
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`

type Loaded = {
  browsing: BrowsingModuleService
  segments: SegmentsModuleService
  schema: string
  admin: Client
  container: MedusaContainer
  automations: AutomationsModuleService
  automationId: string
  segmentId: string
  backendPids(): Promise<number[]>
  shutdown(): Promise<void>
}

let current: { size: number; loaded: Loaded } | null = null

async function closeCurrent() {
  if (!current) return
  const { loaded } = current
  current = null
  await loaded.shutdown()
}

async function load(size: number): Promise<Loaded> {
  const url = benchDatabaseUrl()
  const schema = `retention_bench_automations_${size}`
  const admin = new Client({ connectionString: url, application_name: "retention_bench_automations_load" })
  await admin.connect()
  // The Order module's migrations skip an enum type that exists in any schema: drop this bench's other sizes.
  const { rows: others } = await admin.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'retention_bench_automations_%'`)
  for (const { nspname } of others) await admin.query(`DROP SCHEMA ${quote(nspname)} CASCADE`)
  await admin.query(`CREATE SCHEMA ${quote(schema)}`)
  await admin.query(`SET search_path TO ${quote(schema)}`)
  for (const module of ["customer-facts", "segments", "messaging", "automations", "browsing"]) {
    for (const sql of readMigrationSql(path.join(MODULES_DIR, module, "migrations")).statements) await admin.query(sql)
  }
  for (const module of ["notification", "order"] as const) {
    for (const sql of await medusaMigrationSql(module)) await admin.query(sql)
  }
  await admin.query(
    `INSERT INTO customer_fact (id, customer_id, email, email_domain, first_name, has_account, email_marketing_consent, refreshed_at)
     SELECT 'cfact_bench_' || i, 'cus_bench_' || lpad(i::text, 8, '0'), 'c' || i || '@bench.example', 'bench.example', 'Pat', true,
            (i % 100) < $1, now()
     FROM generate_series(1, $2) AS i`,
    [Math.round(CONSENT_SHARE * 100), size]
  )

  const { app, modulesConfig, pg, backendPids, shutdown } = await bootModules({
    url,
    schema,
    applicationName: APPLICATION_NAME,
    modulesConfig: (clientUrl, schema) => {
      const options = sharedDatabaseOptions(clientUrl, schema)
      return {
        [Modules.NOTIFICATION]: localNotificationModule(options),
        [Modules.ORDER]: { resolve: "@medusajs/medusa/order", options },
        [CUSTOMER_FACTS_MODULE]: pluginModule("customer-facts", options),
        [SEGMENTS_MODULE]: pluginModule("segments", options),
        [MESSAGING_MODULE]: pluginModule("messaging", options),
        [AUTOMATIONS_MODULE]: pluginModule("automations", options),
        [BROWSING_MODULE]: pluginModule("browsing", options),
      }
    },
    sharedResources: true,
  })
  const container = createMedusaContainer()
  for (const key of Object.keys(modulesConfig)) container.register(key, asValue(app.modules[key]))
  container.register(ContainerRegistrationKeys.QUERY, asValue(app.query))
  container.register(ContainerRegistrationKeys.LOGGER, asValue(quietLogger))
  container.register(ContainerRegistrationKeys.PG_CONNECTION, asValue(pg))

  const segments = app.modules[SEGMENTS_MODULE] as unknown as SegmentsModuleService
  const automations = app.modules[AUTOMATIONS_MODULE] as unknown as AutomationsModuleService
  const [segment] = await segments.createSegments([{ name: "bench", definition: { field: "email_domain", op: "in", values: ["bench.example"] } }])
  // Everyone entered at once, as a definition change's refresh makes them.
  await admin.query(
    `INSERT INTO segment_membership (id, segment_id, customer_id, entered_at)
     SELECT 'segm_bench_' || customer_id, $1, customer_id, $2 FROM customer_fact`,
    [segment.id, NOW]
  )
  const [automation] = await automations.createAutomations([
    {
      name: "bench",
      is_active: true,
      trigger: { type: "segment_entered", segment_id: segment.id },
      steps: [{ type: "send_email", template: "bench-welcome" }] as AutomationStep[] & Record<string, unknown>,
    },
  ])
  log(`@ ${fmt(size)}: schema ${schema} loaded`)
  // Browsing history: 3 products viewed per customer over the last 30 days, a third of them bought since.
  await admin.query(
    `INSERT INTO browsing_activity (id, visitor_key, customer_id, product_id, activity_date, view_count, cart_add_count, last_event_at)
     SELECT 'bact_bench_' || c.customer_id || '_' || p, c.customer_id, c.customer_id, 'prod_bench_' || ((hashtext(c.customer_id) + p) % 50 + 50) % 50,
            date_trunc('day', $1::timestamptz) - make_interval(days => (hashtext(c.customer_id || p) % 30 + 30) % 30), 1 + p, 0, $1
     FROM customer_fact c, generate_series(1, 3) AS p`,
    [NOW]
  )
  await admin.query(
    `INSERT INTO purchase_fact (id, source, order_key, line_key, customer_id, placed_at, currency_code, product_id, quantity, net_quantity, unit_amount, net_amount, raw_unit_amount, raw_net_amount)
     SELECT 'pfact_bench_' || b.id, 'medusa', 'order_' || b.id, 'line_' || b.id, b.customer_id, b.activity_date + interval '1 day', 'eur', b.product_id, 1, 1, 10, 10,
            '{"value": "10", "precision": 20}', '{"value": "10", "precision": 20}'
     FROM browsing_activity b WHERE hashtext(b.id) % 3 = 0`
  )
  await admin.query(`ANALYZE`)
  return {
    browsing: app.modules[BROWSING_MODULE] as unknown as BrowsingModuleService,
    segments,
    schema,
    admin,
    container,
    automations,
    automationId: automation.id,
    segmentId: segment.id,
    backendPids,
    async shutdown() {
      await shutdown()
      await admin.end()
    },
  }
}

const loaded = (size: number) => {
  if (!current || current.size !== size) throw new Error(`size ${size} is not loaded`)
  return current.loaded
}

async function memberIds(l: Loaded): Promise<string[]> {
  const { rows } = await l.admin.query<{ customer_id: string }>(`SELECT customer_id FROM segment_membership WHERE segment_id = $1 ORDER BY customer_id`, [l.segmentId])
  return rows.map((r) => r.customer_id)
}

function casesFor(size: number): BenchCase[] {
  return [
    {
      case: "load (facts, segment membership of everyone, automation)",
      size,
      group: "load",
      iterations: 1,
      fn: async () => {
        await closeCurrent()
        current = { size, loaded: await load(size) }
      },
    },
    {
      case: "bare INSERT of the journey rows (baseline)",
      size,
      group: "entry",
      baseline: true,
      iterations: 1,
      fn: async () => {
        const l = loaded(size)
        await l.admin.query(`CREATE TABLE bench_journey_copy (LIKE automation_journey INCLUDING DEFAULTS)`)
        const { rowCount } = await l.admin.query(
          `INSERT INTO bench_journey_copy (id, automation_id, customer_id, entry_key, status, is_holdout, step_index, next_run_at, entered_at, exit_orders_after)
           SELECT 'ajrn_' || replace(gen_random_uuid()::text, '-', ''), $1, m.customer_id, 'segment:' || m.segment_id || ':' || m.customer_id, 'active', false, 0, $2, $2, $2
           FROM segment_membership m WHERE m.segment_id = $3`,
          [l.automationId, NOW, l.segmentId]
        )
        await l.admin.query(`DROP TABLE bench_journey_copy`)
        return { rows: rowCount ?? 0 }
      },
    },
    {
      case: "enterSegmentAutomations: everyone entered at once",
      size,
      group: "entry",
      iterations: 1,
      fn: async (context) => {
        const l = loaded(size)
        for (const pid of await l.backendPids()) context.watchPid(pid)
        const ids = await memberIds(l)
        const { started } = await enterSegmentAutomations(l.container, { segment_id: l.segmentId, customer_ids: ids, now: NOW })
        notes.push(`entry @ ${fmt(size)}: ${fmt(started)} journeys started for ${fmt(ids.length)} members`)
        return { rows: started, extra: { started } }
      },
    },
    {
      case: "replay of the same entries (same trigger twice)",
      size,
      group: "entry",
      iterations: 1,
      fn: async () => {
        const l = loaded(size)
        const ids = await memberIds(l)
        const { started } = await enterSegmentAutomations(l.container, { segment_id: l.segmentId, customer_ids: ids, now: NOW })
        notes.push(`replay @ ${fmt(size)}: ${fmt(started)} journeys started (expected 0)`)
        return { rows: ids.length, extra: { started } }
      },
    },
    {
      case: "runDueJourneys: the message step for every journey",
      size,
      group: "message",
      iterations: 1,
      fn: async (context) => {
        const l = loaded(size)
        for (const pid of await l.backendPids()) context.watchPid(pid)
        const times: CallTimes = {}
        const messaging = l.container.resolve(MESSAGING_MODULE) as object
        const undo = [
          timeCalls(times, "claimDueJourneys", l.automations, "claimDueJourneys"),
          timeCalls(times, "recordStepRuns", l.automations, "recordStepRuns"),
          timeCalls(times, "settleJourneys", l.automations, "settleJourneys"),
          timeCalls(times, "listStepRunsOf", l.automations, "listStepRunsOf"),
          timeCalls(times, "listAutomationRows", l.automations, "listAutomationRows"),
          timeCalls(times, "listCustomerFacts", l.container.resolve(CUSTOMER_FACTS_MODULE) as object, "listCustomerFacts"),
          timeCalls(times, "listSuppressedEmails", messaging, "listSuppressedEmails"),
          timeCalls(times, "reserveMessages", messaging, "reserveMessages"),
          timeCalls(times, "recordOutcomes", messaging, "recordOutcomes"),
          timeCalls(times, "createNotifications", l.container.resolve(Modules.NOTIFICATION) as object, "createNotifications"),
          timeCalls(times, "query.graph (orders since)", l.container.resolve(ContainerRegistrationKeys.QUERY) as object, "graph"),
        ]
        let result: Awaited<ReturnType<typeof runDueJourneys>>
        try {
          result = await runDueJourneys(l.container, { now: NOW })
        } finally {
          undo.forEach((restore) => restore())
        }
        notes.push(`message step @ ${fmt(size)}, where the time went: ${describeTimes(times)}`)
        const { rows } = await l.admin.query<{ status: string; reason: string | null; n: number }>(
          `SELECT status, reason, count(*)::int AS n FROM marketing_message GROUP BY 1, 2 ORDER BY 1, 2`
        )
        const { rows: outcomes } = await l.admin.query<{ outcome: string; reason: string | null; n: number }>(
          `SELECT outcome, reason, count(*)::int AS n FROM automation_step_run GROUP BY 1, 2 ORDER BY 1, 2`
        )
        notes.push(
          `message step @ ${fmt(size)}: claimed ${fmt(result.claimed)}, steps run ${fmt(result.steps_run)}, completed ${fmt(result.completed)}, lost ${result.lost}; ` +
            `ledger: ${rows.map((r) => `${r.status}${r.reason ? `/${r.reason}` : ""} ${fmt(r.n)}`).join(", ")}; step outcomes: ${outcomes
              .map((r) => `${r.outcome}${r.reason ? `/${r.reason}` : ""} ${fmt(r.n)}`)
              .join(", ")}`
        )
        return { rows: result.claimed, extra: { steps_run: result.steps_run, completed: result.completed } }
      },
    },
    {
      case: "browsing: day-row upsert alone (baseline)",
      size,
      group: "browsing",
      baseline: true,
      iterations: BROWSING_RUNS,
      fn: async (context) => {
        const l = loaded(size)
        const customer = `cus_bench_${String((context.run * 7919) % size + 1).padStart(8, "0")}`
        await l.admin.query(
          `INSERT INTO browsing_activity (id, visitor_key, customer_id, product_id, activity_date, view_count, cart_add_count, last_event_at)
           VALUES ('bact_' || replace(gen_random_uuid()::text, '-', ''), $1, $1, 'prod_bench_live', date_trunc('day', now()), 1, 0, now())
           ON CONFLICT (visitor_key, product_id, activity_date) DO UPDATE SET view_count = browsing_activity.view_count + 1, last_event_at = excluded.last_event_at`,
          [customer]
        )
      },
    },
    {
      case: "browsing: recordActivity, one event (rate counter + day row, one transaction)",
      size,
      group: "browsing",
      iterations: BROWSING_RUNS,
      fn: async (context) => {
        const l = loaded(size)
        const customer = `cus_bench_${String((context.run * 7919) % size + 1).padStart(8, "0")}`
        const result = await l.browsing.recordActivity({ visitor: { customer_id: customer }, type: "product_viewed", product_id: "prod_bench_live" })
        return { extra: { recorded: result.recorded ? "yes" : "no" } }
      },
    },
    {
      case: "segment count: viewed prod_bench_7 in the last 7 days and not bought",
      size,
      group: "viewed",
      iterations: 5,
      fn: async () => {
        const l = loaded(size)
        const { count } = await l.segments.previewDefinition({
          definition: { field: "viewed_product", op: "viewed", product_ids: ["prod_bench_7"], window: { within_last: { amount: 7, unit: "days" } }, not_bought: true },
          references: EMPTY_REFERENCES,
          now: NOW,
          sample_size: 0,
        })
        return { rows: size, extra: { members: count } }
      },
    },
  ]
}

export default defineBench({
  name: "automations",
  description: "automations: everyone of a segment entering at once, a replay, the message step",
  notes,
  cases: sizes.flatMap(casesFor),
  teardown: closeCurrent,
})
