import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { contextKnex, sqlBindings, transactionKnex } from "../../lib/module-knex"
import { compareGroups } from "../email-campaigns/utils/incrementality"
import type { GroupOutcome } from "../email-campaigns/types"
import { compileDefinition } from "../segments/definition/compile"
import { raw, type Fragment } from "../segments/definition/sql-fragment"
import { compileProgram } from "./definition/program"
import type { AutomationStep, AutomationTrigger } from "./definition/schema"
import { Automation, AutomationJourney, AutomationStepRun } from "./models"
import {
  AUTOMATION_DEFAULTS,
  type AutomationRow,
  type AutomationsOptions,
  type EnterableAutomation,
  type JourneyEntry,
  type JourneyRow,
  type ResolvedAutomationsOptions,
  type StepRunRow,
} from "./types"
import type { AutomationCounts, AutomationReport } from "./utils/read-models"
import { CONVERSIONS_SQL, JOURNEY_COUNTS_SQL, MESSAGE_COUNTS_SQL } from "./utils/report-sql"

const DAY = 86_400_000
const AUTOMATION_COLUMNS = [
  "id",
  "name",
  "is_active",
  "trigger",
  "conditions",
  "steps",
  "exit_on_order",
  "reentry",
  "reentry_days",
  "holdout_percent",
  "attribution_days",
]
/** Above this many entries at once the conditions are compiled for a set (hash joins), below per customer. */
const SET_MODE_FROM = 200

/**
 * Automations and their journeys. Entering is set-based and unique per (automation, entry key),
 * under the automation's advisory lock so the re-entry rule holds between two triggers at once.
 * A journey's next step is a scheduled claim (`next_run_at`, claim token, lease) and every step it
 * reaches is recorded once per (journey, step): a runner that crashes mid-step leaves a claim the
 * next run takes over, and the recorded steps are not run again.
 */
class AutomationsModuleService extends MedusaService({ Automation, AutomationJourney, AutomationStepRun }) {
  protected readonly automationsOptions_: ResolvedAutomationsOptions

  constructor(container: Record<string, unknown>, options?: { automations?: AutomationsOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.automationsOptions_ = {
      ...AUTOMATION_DEFAULTS,
      ...(process.env.RETENTION_PUBLIC_URL ? { publicUrl: process.env.RETENTION_PUBLIC_URL } : {}),
      ...(options?.automations ?? {}),
    }
  }

  /** The options in force (defaults filled in). */
  getAutomationsOptions(): ResolvedAutomationsOptions {
    return this.automationsOptions_
  }

  /** Automations as typed rows (not deleted), by id or by the type of their trigger, active ones only when asked. */
  @InjectManager()
  async listAutomationRows(
    input: { ids?: string[]; trigger_type?: AutomationTrigger["type"]; active_only?: boolean; segment_id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AutomationRow[]> {
    const query = contextKnex(sharedContext)("automation").whereNull("deleted_at").select<AutomationRow[]>(AUTOMATION_COLUMNS)
    if (input.ids) query.whereIn("id", input.ids)
    if (input.trigger_type) query.whereRaw(`"trigger"->>'type' = ?`, [input.trigger_type])
    if (input.segment_id) query.whereRaw(`"trigger"->>'segment_id' = ?`, [input.segment_id])
    if (input.active_only) query.where("is_active", true)
    return query.orderBy("id")
  }

  /**
   * Starts journeys for these entries where the automation's conditions hold (over the customer
   * facts), the re-entry rule allows (never again, or not within `reentry_days` of the last
   * entry) and the customer is not in a journey of it already. An entry key seen before starts
   * nothing. The holdout is a fixed hash of automation and customer, so a customer stays on one
   * side. Returns the journeys started now.
   */
  @InjectTransactionManager()
  async enterJourneys(
    input: { automation: EnterableAutomation; entries: JourneyEntry[]; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; customer_id: string; is_holdout: boolean }[]> {
    const knex = transactionKnex(sharedContext)
    const { automation } = input
    if (!input.entries.length || !automation.is_active) {
      return []
    }
    const now = input.now ?? new Date()
    await knex.raw(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`automation:${automation.id}`])
    let conditions: Fragment = raw("true")
    if (automation.conditions && automation.references) {
      const mode = input.entries.length >= SET_MODE_FROM ? "set" : "customer"
      conditions = compileDefinition(automation.conditions, { mode, now, references: automation.references })
    }
    const facts = automation.conditions ? "join customer_fact cf on cf.customer_id = v.customer_id" : ""
    const recent =
      automation.reentry === "once"
        ? "true"
        : `j.entered_at > ?::timestamptz - make_interval(days => ${Number(automation.reentry_days ?? 0)})`
    // A big batch tests earlier journeys through one hashed scan of the automation's journeys; a
    // correlated NOT EXISTS there became a nested loop over all of them per entry (the planner
    // estimates unnest() at 10 rows).
    const earlierJourneys = `select j.customer_id from automation_journey j
      where j.automation_id = ? and j.deleted_at is null and (j.status = 'active' or ${recent})`
    const earlier =
      input.entries.length >= SET_MODE_FROM
        ? `v.customer_id not in (${earlierJourneys})`
        : `not exists (${earlierJourneys} and j.customer_id = v.customer_id)`
    const { rows } = await knex.raw(
      `insert into automation_journey (id, automation_id, customer_id, entry_key, status, is_holdout, step_index, next_run_at,
                                       entered_at, exit_orders_after, context, created_at, updated_at)
       select 'ajrn_' || replace(gen_random_uuid()::text, '-', ''), ?, v.customer_id, v.entry_key, 'active',
              abs(hashtextextended(? || ':' || v.customer_id, 0)) % 100 < ?, 0, ?, ?, coalesce(v.exit_after, ?), v.context, now(), now()
       from (select distinct on (customer_id) * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::jsonb[]) as u(customer_id, entry_key, exit_after, context)
             order by customer_id, entry_key) v
       ${facts}
       where ${conditions.sql}
         and ${earlier}
       on conflict (automation_id, entry_key) do nothing
       returning id, customer_id, is_holdout`,
      sqlBindings(
        automation.id,
        automation.id,
        automation.holdout_percent,
        now,
        now,
        now,
        input.entries.map((e) => e.customer_id),
        input.entries.map((e) => e.entry_key),
        input.entries.map((e) => e.exit_orders_after ?? null),
        input.entries.map((e) => (e.context ? JSON.stringify(e.context) : null)),
        ...conditions.bindings,
        automation.id,
        ...(automation.reentry === "once" ? [] : [now])
      )
    )
    return rows
  }

  /**
   * Claims up to `limit` active journeys whose next step is due at `now`, and journeys whose
   * claim's lease ran out (a runner that crashed), each with a fresh token. Two runs at once never
   * claim the same journey.
   */
  @InjectTransactionManager()
  async claimDueJourneys(
    input: { now?: Date; limit?: number; lease_minutes?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<JourneyRow[]> {
    const knex = transactionKnex(sharedContext)
    const now = input.now ?? new Date()
    const staleBefore = new Date(now.getTime() - (input.lease_minutes ?? this.automationsOptions_.leaseMinutes) * 60_000)
    const { rows } = await knex.raw(
      `update automation_journey j set claimed_at = ?, claim_token = ?, attempts = j.attempts + 1, updated_at = now()
       from (select id from automation_journey
             where status = 'active' and deleted_at is null and next_run_at <= ?
               and (claim_token is null or claimed_at < ?)
             order by next_run_at, id
             limit ?
             for update skip locked) due
       where j.id = due.id
       returning j.*`,
      sqlBindings(now, randomUUID(), now, staleBefore, input.limit ?? this.automationsOptions_.batchSize)
    )
    return rows
  }

  /** The steps these journeys already reached, by journey id and step index. */
  @InjectManager()
  async listStepRunsOf(journeyIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, StepRunRow>> {
    const runs = new Map<string, StepRunRow>()
    if (!journeyIds.length) {
      return runs
    }
    const rows: StepRunRow[] = await contextKnex(sharedContext)("automation_step_run").whereIn("journey_id", journeyIds).whereNull("deleted_at").select("*")
    for (const r of rows) runs.set(`${r.journey_id}:${r.step_index}`, r)
    return runs
  }

  /**
   * Records the steps journeys reached (a wait began, an action ran), a runner's batch at once:
   * each only while its journey's claim is held, and the first record of a (journey, step) stays,
   * so a step is never recorded twice. Returns the records of the journeys whose claim was held, by
   * `journey_id:step_index`.
   */
  @InjectTransactionManager()
  async recordStepRuns(
    input: {
      runs: { journey_id: string; claim_token: string; step_index: number; step_type: string; outcome: StepRunRow["outcome"]; reason?: string | null; detail?: Record<string, unknown> | null }[]
      run_at: Date
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, StepRunRow>> {
    const knex = transactionKnex(sharedContext)
    const result = new Map<string, StepRunRow>()
    if (!input.runs.length) {
      return result
    }
    const runs = input.runs
    const columns = sqlBindings(
      runs.map((r) => r.journey_id),
      runs.map((r) => r.claim_token),
      runs.map((r) => r.step_index),
      runs.map((r) => r.step_type),
      runs.map((r) => r.outcome),
      runs.map((r) => r.reason ?? null),
      runs.map((r) => (r.detail ? JSON.stringify(r.detail) : null))
    )
    await knex.raw(
      `insert into automation_step_run (id, journey_id, automation_id, step_index, step_type, outcome, reason, detail, run_at, created_at, updated_at)
       select 'astp_' || replace(gen_random_uuid()::text, '-', ''), v.journey_id, j.automation_id, v.step_index, v.step_type, v.outcome, v.reason, v.detail, ?, now(), now()
       from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::jsonb[]) as v(journey_id, claim_token, step_index, step_type, outcome, reason, detail)
       join automation_journey j on j.id = v.journey_id and j.claim_token = v.claim_token and j.status = 'active'
       on conflict (journey_id, step_index) do nothing`,
      sqlBindings(input.run_at, ...columns)
    )
    const { rows } = await knex.raw(
      `select r.* from unnest(?::text[], ?::text[], ?::int[]) as v(journey_id, claim_token, step_index)
       join automation_journey j on j.id = v.journey_id and j.claim_token = v.claim_token and j.status = 'active'
       join automation_step_run r on r.journey_id = v.journey_id and r.step_index = v.step_index`,
      sqlBindings(columns[0], columns[1], columns[2])
    )
    for (const r of rows as StepRunRow[]) result.set(`${r.journey_id}:${r.step_index}`, r)
    return result
  }

  /**
   * Ends many claims at once: each journey waits (`next_run_at` set), completes or exits as given,
   * with its step and context, only where its claim token still holds. Returns the ids changed.
   */
  @InjectTransactionManager()
  async settleJourneys(
    input: {
      journeys: {
        id: string
        claim_token: string
        status: "active" | "completed" | "exited"
        reason?: string | null
        step_index: number
        next_run_at?: Date | null
        context?: Record<string, unknown> | null
      }[]
      now?: Date
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Set<string>> {
    if (!input.journeys.length) {
      return new Set()
    }
    const j = input.journeys
    const { rows } = await transactionKnex(sharedContext).raw(
      `update automation_journey a
       set status = v.status, exit_reason = v.reason, step_index = v.step_index, next_run_at = v.next_run_at,
           context = coalesce(v.context, a.context), claim_token = null, claimed_at = null,
           ended_at = case when v.status = 'active' then null else ?::timestamptz end, updated_at = now()
       from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::jsonb[])
            as v(id, claim_token, status, reason, step_index, next_run_at, context)
       where a.id = v.id and a.claim_token = v.claim_token and a.status = 'active'
       returning a.id`,
      sqlBindings(
        input.now ?? new Date(),
        j.map((x) => x.id),
        j.map((x) => x.claim_token),
        j.map((x) => x.status),
        j.map((x) => x.reason ?? null),
        j.map((x) => x.step_index),
        j.map((x) => x.next_run_at ?? null),
        j.map((x) => (x.context ? JSON.stringify(x.context) : null))
      )
    )
    return new Set((rows as { id: string }[]).map((r) => r.id))
  }

  /**
   * Ends the customer's active journeys of automations that exit on an order, when the order came
   * after the journey's `exit_orders_after` (reason `order_placed`). A journey being run right now
   * is ended too: its runner's claim token no longer matches and it stops. Returns how many ended.
   */
  @InjectTransactionManager()
  async exitJourneysOnOrder(input: { customer_id: string; placed_at: Date; now?: Date }, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const now = input.now ?? new Date()
    const { rowCount } = await transactionKnex(sharedContext).raw(
      `update automation_journey j
       set status = 'exited', exit_reason = 'order_placed', next_run_at = null, claim_token = null, claimed_at = null, ended_at = ?, updated_at = now()
       from automation a
       where a.id = j.automation_id and a.exit_on_order and j.customer_id = ? and j.status = 'active'
         and j.exit_orders_after < ? and j.deleted_at is null`,
      sqlBindings(now, input.customer_id, input.placed_at)
    )
    return rowCount ?? 0
  }

  /**
   * One keyset page (by customer id, after `after`) of customers whose last order is at least
   * `days` days old but no more than `days + lookback_days` (older ones had their chance), with that
   * order's date: the win-back trigger's candidates.
   */
  @InjectManager()
  async listLapsedCustomers(
    input: { days: number; lookback_days?: number; now?: Date; after?: string | null; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; last_order_at: Date }[]> {
    const now = (input.now ?? new Date()).getTime()
    return contextKnex(sharedContext)("customer_fact")
      .whereNull("deleted_at")
      .where("last_order_at", "<=", new Date(now - input.days * DAY))
      .where("last_order_at", ">", new Date(now - (input.days + (input.lookback_days ?? 30)) * DAY))
      .where("customer_id", ">", input.after ?? "")
      .orderBy("customer_id")
      .limit(input.limit ?? 1000)
      .select("customer_id", "last_order_at")
  }

  /**
   * One keyset page (by customer id) of customers whose anniversary is `on`'s UTC day, in an
   * earlier year: their sign-up day, or a "YYYY-MM-DD" date under `metadata_key` (a birthday).
   * Outside leap years, 29 February is celebrated on the 28th. Malformed metadata dates never match.
   */
  @InjectManager()
  async listAnniversaryCustomers(
    input: { date: "signup" | "metadata"; metadata_key?: string; on: Date; after?: string | null; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; day: string }[]> {
    const year = input.on.getUTCFullYear()
    const monthDay = input.on.toISOString().slice(5, 10)
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1
    const days = monthDay === "02-28" && !leap ? ["02-28", "02-29"] : [monthDay]
    const day =
      input.date === "signup"
        ? { sql: `to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD')`, bindings: [] as string[] }
        : { sql: `case when c.metadata->>? ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then c.metadata->>? end`, bindings: [input.metadata_key!, input.metadata_key!] }
    const { rows } = await contextKnex(sharedContext).raw(
      `select c.id as customer_id, d.day from customer c cross join lateral (select ${day.sql} as day) d
       where c.deleted_at is null and c.id > ? and substring(d.day from 6 for 5) = any(?::text[]) and substring(d.day from 1 for 4)::int < ?
       order by c.id limit ?`,
      sqlBindings(...day.bindings, input.after ?? "", days, year, input.limit ?? 1000)
    )
    return rows
  }

  /**
   * One keyset page (by row id) of a logged-in customer's product views whose last view lies in
   * [since, until) with no purchase of that product (per the purchase facts) since the day of the
   * view: the viewed-but-not-bought trigger's candidates, one per customer × product × day.
   */
  @InjectManager()
  async listViewedNotBought(
    input: { since: Date; until: Date; after?: string | null; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; customer_id: string; product_id: string; activity_date: Date; last_event_at: Date }[]> {
    const { rows } = await contextKnex(sharedContext).raw(
      `select t.id, t.customer_id, t.product_id, t.activity_date, t.last_event_at from browsing_activity t
       where t.customer_id is not null and t.deleted_at is null and t.view_count > 0
         and t.last_event_at >= ? and t.last_event_at < ? and t.id > ?
         and not exists (select 1 from purchase_fact p where p.customer_id = t.customer_id and p.product_id = t.product_id
                         and p.net_quantity > 0 and p.placed_at >= t.activity_date)
       order by t.id limit ?`,
      sqlBindings(input.since, input.until, input.after ?? "", input.limit ?? 1000)
    )
    return rows
  }

  /** Journey and message counts per automation, for the list. */
  @InjectManager()
  async countJourneys(automationIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, AutomationCounts>> {
    const knex = contextKnex(sharedContext)
    const counts = new Map<string, AutomationCounts>(automationIds.map((id) => [id, { entered: 0, active: 0, completed: 0, exited: 0, holdout: 0, sent: 0 }]))
    if (!automationIds.length) {
      return counts
    }
    const { rows } = await knex.raw(
      `select automation_id, count(*)::int as entered, count(*) filter (where status = 'active')::int as active,
              count(*) filter (where status = 'completed')::int as completed, count(*) filter (where status = 'exited')::int as exited,
              count(*) filter (where is_holdout)::int as holdout
       from automation_journey where automation_id = any(?::text[]) and deleted_at is null group by automation_id`,
      [automationIds]
    )
    for (const r of rows) Object.assign(counts.get(r.automation_id)!, r)
    const { rows: sent } = await knex.raw(
      `select j.automation_id, count(*)::int as sent from marketing_message m join automation_journey j on j.id = m.source_id
       where j.automation_id = any(?::text[]) and m.kind = 'automation' and m.status = 'sent' group by j.automation_id`,
      [automationIds]
    )
    for (const r of sent) counts.get(r.automation_id)!.sent = r.sent
    return counts
  }

  /**
   * The automation's report: entered (treated, holdout), in progress, completed, exited by reason,
   * messages by outcome, step outcomes, and conversions and revenue within the attribution window
   * after entering, treated vs holdout with the campaigns' lift method.
   */
  @InjectManager()
  async reportAutomation(input: { id: string; attribution_days: number }, @MedusaContext() sharedContext: Context = {}): Promise<AutomationReport> {
    const knex = contextKnex(sharedContext)
    const [{ rows: journeys }, { rows: messages }, { rows: conversions }, stepRows, definition] = await Promise.all([
      knex.raw(JOURNEY_COUNTS_SQL, [input.id]),
      knex.raw(MESSAGE_COUNTS_SQL, [input.id]),
      knex.raw(CONVERSIONS_SQL, sqlBindings(input.attribution_days, input.id)),
      knex("automation_step_run")
        .where({ automation_id: input.id })
        .whereNull("deleted_at")
        .groupByRaw("step_index, step_type, outcome, detail->>'branch'")
        .orderByRaw("step_index, outcome, detail->>'branch'")
        .select("step_index", "step_type", "outcome", knex.raw("detail->>'branch' as branch"), knex.raw("count(*)::int as count")),
      knex("automation").where({ id: input.id }).first("steps"),
    ])
    const program = definition ? compileProgram(definition.steps as AutomationStep[]) : []
    const steps = (stepRows as Omit<AutomationReport["steps"][number], "path">[]).map((r) => ({ ...r, path: program[r.step_index]?.path ?? null }))
    const report: AutomationReport = {
      automation_id: input.id,
      attribution_days: input.attribution_days,
      entered: { total: 0, treated: 0, holdout: 0 },
      in_progress: 0,
      completed: 0,
      exited: {},
      messages: { sent: 0, suppressed: {}, failed: 0 },
      steps,
      conversions: [],
      lift: [],
    }
    for (const j of journeys as { is_holdout: boolean; status: string; exit_reason: string | null; count: number }[]) {
      report.entered.total += j.count
      report.entered[j.is_holdout ? "holdout" : "treated"] += j.count
      if (j.status === "active") report.in_progress += j.count
      else if (j.status === "completed") report.completed += j.count
      else report.exited[j.exit_reason ?? "unknown"] = (report.exited[j.exit_reason ?? "unknown"] ?? 0) + j.count
    }
    for (const m of messages as { status: string; reason: string | null; count: number }[]) {
      if (m.status === "sent") report.messages.sent += m.count
      else if (m.status === "failed") report.messages.failed += m.count
      else if (m.status === "suppressed") report.messages.suppressed[m.reason ?? "unknown"] = (report.messages.suppressed[m.reason ?? "unknown"] ?? 0) + m.count
    }
    const rows = conversions as { is_holdout: boolean; currency_code: string; buyers: number; revenue_exact: string; revenue: number; revenue_sq: number }[]
    for (const currency of [...new Set(rows.map((r) => r.currency_code))]) {
      const side = (holdout: boolean) => rows.find((r) => r.currency_code === currency && r.is_holdout === holdout)
      report.conversions.push({
        currency_code: currency,
        treated_buyers: side(false)?.buyers ?? 0,
        treated_revenue: side(false)?.revenue_exact ?? "0",
        holdout_buyers: side(true)?.buyers ?? 0,
        holdout_revenue: side(true)?.revenue_exact ?? "0",
      })
    }
    const outcomes: GroupOutcome[] = [
      { group: "treatment", recipients: report.entered.treated, buyers: 0, currency_code: null, revenue: 0, revenue_sq: 0 },
      { group: "holdout", recipients: report.entered.holdout, buyers: 0, currency_code: null, revenue: 0, revenue_sq: 0 },
      ...rows.map((r) => ({
        group: (r.is_holdout ? "holdout" : "treatment") as GroupOutcome["group"],
        recipients: r.is_holdout ? report.entered.holdout : report.entered.treated,
        buyers: r.buyers,
        currency_code: r.currency_code,
        revenue: r.revenue,
        revenue_sq: r.revenue_sq,
      })),
    ]
    report.lift = compareGroups(outcomes)
    return report
  }

  /** The automations a customer is in or was in, latest first, with the step each journey is at. */
  @InjectManager()
  async listCustomerJourneys(input: { customer_id: string; limit?: number }, @MedusaContext() sharedContext: Context = {}) {
    return contextKnex(sharedContext)("automation_journey as j")
      .join("automation as a", "a.id", "j.automation_id")
      .where("j.customer_id", input.customer_id)
      .whereNull("j.deleted_at")
      .orderBy([{ column: "j.entered_at", order: "desc" }, { column: "j.id", order: "desc" }])
      .limit(input.limit ?? 50)
      .select("j.id", "j.automation_id", "a.name as automation_name", "j.status", "j.exit_reason", "j.is_holdout", "j.step_index", "j.next_run_at", "j.entered_at", "j.ended_at")
  }
}

export default AutomationsModuleService
