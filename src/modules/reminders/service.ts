import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { contextKnex, sqlBindings, transactionKnex } from "../../lib/module-knex"
import { CustomerCoverage, Reminder, ReminderRule } from "./models"
import { REMINDER_DEFAULTS, type RemindersOptions, type ResolvedRemindersOptions } from "./types"
import { coverageSql, LEARNED_CYCLES_SQL } from "./utils/coverage-sql"
import type { CoverageSummary, CustomerReminders, CycleSuggestion, ReminderReport, ReminderSummary, UpcomingCursor, UpcomingReminder } from "./utils/read-models"
import { REPORT_OUTCOMES_SQL, REPORT_REORDERS_SQL } from "./utils/report-sql"
import { RULE_CUSTOMERS_PAGE_SQL } from "./utils/rule-customers-sql"
import { SUGGESTED_CYCLE_SQL } from "./utils/suggestion-sql"

const DAY = 86_400_000

export type CoverageRow = {
  rule_id: string
  customer_id: string
  cycle_days: number | null
  cycle_source: "rule" | "learned" | "personal" | null
  covered_until: Date | null
  units: number
  last_purchase_at: Date
  last_variant_id: string | null
  last_quantity: number | null
}

export type ReminderRow = {
  id: string
  customer_id: string
  rule_id: string
  coverage_end: Date
  due_at: Date
  sequence: number
  status: "scheduled" | "claimed" | "sent" | "suppressed" | "withdrawn" | "failed"
  reason: string | null
  claim_token: string | null
  attempts: number
}

export type ReminderChanges = { scheduled: number; superseded: number; withdrawn: number }

/** How a sender ends one claim. */
export type ReminderOutcome = {
  id: string
  claim_token: string
  status: "sent" | "suppressed" | "failed"
  reason?: string | null
  message_id?: string | null
}

/**
 * Repurchase reminders. Coverage is derived from the purchase facts (so buying early extends it and
 * a cancel shortens it, however the events arrive); reminders follow coverage with status
 * transitions that are unique per (rule, customer, coverage end, sequence); sending claims them
 * with `for update skip locked` and a lease, so two workers never take the same one and a crashed
 * claim is taken again.
 */
class RemindersModuleService extends MedusaService({ ReminderRule, CustomerCoverage, Reminder }) {
  protected readonly remindersOptions_: ResolvedRemindersOptions

  constructor(container: Record<string, unknown>, options?: { reminders?: RemindersOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.remindersOptions_ = {
      ...REMINDER_DEFAULTS,
      ...(process.env.RETENTION_PUBLIC_URL ? { publicUrl: process.env.RETENTION_PUBLIC_URL } : {}),
      ...(options?.reminders ?? {}),
    }
  }

  /** The options in force (defaults filled in). */
  getRemindersOptions(): ResolvedRemindersOptions {
    return this.remindersOptions_
  }

  /** Coverage per rule for these customers, computed now from the purchase facts (not stored). */
  @InjectManager()
  async computeCoverage(input: { customer_ids: string[]; rule_id?: string }, @MedusaContext() sharedContext: Context = {}): Promise<CoverageRow[]> {
    const knex = contextKnex(sharedContext)
    const { rows } = await knex.raw(coverageSql("p.customer_id = any(?::text[])"), [input.customer_ids])
    return (rows as CoverageRow[]).filter((r) => !input.rule_id || r.rule_id === input.rule_id)
  }

  /**
   * Brings coverage and reminders of these customers up to date with their purchases: stores the
   * coverage, schedules the reminder of a new coverage end (due `lead_days` before it), marks a
   * scheduled reminder of an older end superseded (`reordered`) or withdrawn (`coverage_shortened`,
   * a cancel or refund), and brings back one that a since-canceled reorder had superseded. Claimed
   * reminders are being sent and are left to the sender's own re-check. A scheduled reminder of a
   * rule that is now inactive or deleted is withdrawn (`rule_inactive`); with `changed_rule_id`
   * (a rule's settings changed) that rule's outdated reminders are withdrawn as `rule_changed`.
   */
  @InjectTransactionManager()
  async syncCoverage(
    input: { customer_ids: string[]; now?: Date; changed_rule_id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReminderChanges> {
    const knex = transactionKnex(sharedContext)
    const ids = [...new Set(input.customer_ids)].sort()
    const changes: ReminderChanges = { scheduled: 0, superseded: 0, withdrawn: 0 }
    if (!ids.length) {
      return changes
    }
    const now = input.now ?? new Date()
    for (const id of ids) {
      await knex.raw(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`reminders:${id}`])
    }
    const { rows } = await knex.raw(coverageSql("p.customer_id = any(?::text[])"), [ids])
    const coverage = rows as CoverageRow[]
    await this.storeCoverage_(knex, ids, coverage)
    const rules: { id: string; lead_days: number }[] = await knex("reminder_rule").whereNull("deleted_at").where({ is_active: true }).select("id", "lead_days")
    const leadOf = new Map(rules.map((r) => [r.id, r.lead_days]))
    const active: ReminderRow[] = await knex("reminder").whereIn("customer_id", ids).whereIn("status", ["scheduled", "claimed"]).whereNull("deleted_at").select("*")
    const wanted = new Map<string, CoverageRow>()
    for (const c of coverage) {
      if (c.covered_until && new Date(c.covered_until).getTime() > now.getTime() && leadOf.has(c.rule_id)) {
        wanted.set(`${c.rule_id}:${c.customer_id}`, c)
      }
    }
    for (const reminder of active) {
      const want = wanted.get(`${reminder.rule_id}:${reminder.customer_id}`)
      if (want && new Date(want.covered_until!).getTime() === new Date(reminder.coverage_end).getTime()) {
        wanted.delete(`${reminder.rule_id}:${reminder.customer_id}`)
        continue
      }
      if (reminder.status === "claimed") {
        wanted.delete(`${reminder.rule_id}:${reminder.customer_id}`)
        continue
      }
      const extended = want && new Date(want.covered_until!).getTime() > new Date(reminder.coverage_end).getTime()
      const reason = !leadOf.has(reminder.rule_id)
        ? "rule_inactive"
        : reminder.rule_id === input.changed_rule_id
          ? "rule_changed"
          : extended
            ? "reordered"
            : "coverage_shortened"
      await knex("reminder")
        .where({ id: reminder.id, status: "scheduled" })
        .update({ status: reason === "reordered" ? "suppressed" : "withdrawn", reason, updated_at: now })
      if (extended) changes.superseded++
      else changes.withdrawn++
    }
    for (const c of wanted.values()) {
      const end = new Date(c.covered_until!)
      const due = new Date(end.getTime() - (leadOf.get(c.rule_id) ?? 0) * DAY)
      const { rowCount } = await knex.raw(
        `insert into reminder (id, customer_id, rule_id, coverage_end, due_at, sequence, status, created_at, updated_at)
         values (?, ?, ?, ?, ?, 1, 'scheduled', now(), now())
         on conflict (rule_id, customer_id, coverage_end, sequence) do update set status = 'scheduled', reason = null, updated_at = now()
           where reminder.status in ('suppressed', 'withdrawn') and reminder.reason in ('reordered', 'coverage_shortened', 'rule_inactive', 'rule_changed')`,
        [`rmd_${randomUUID().replace(/-/g, "")}`, c.customer_id, c.rule_id, end, due]
      )
      changes.scheduled += rowCount ?? 0
    }
    return changes
  }

  /**
   * Claims up to `limit` reminders due at `now` (and claims whose lease ran out: a sender that
   * crashed), each with a fresh claim token. Two job runs at once never claim the same reminder.
   */
  @InjectTransactionManager()
  async claimDueReminders(
    input: { now?: Date; limit?: number; lease_minutes?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReminderRow[]> {
    const knex = transactionKnex(sharedContext)
    const now = input.now ?? new Date()
    const staleBefore = new Date(now.getTime() - (input.lease_minutes ?? 15) * 60_000)
    const token = randomUUID()
    const { rows } = await knex.raw(
      `update reminder r set status = 'claimed', claimed_at = ?, claim_token = ?, attempts = r.attempts + 1, updated_at = now()
       from (select id from reminder
             where deleted_at is null
               and ((status = 'scheduled' and due_at <= ?) or (status = 'claimed' and claimed_at < ?))
             order by due_at, id
             limit ?
             for update skip locked) due
       where r.id = due.id
       returning r.*`,
      sqlBindings(now, token, now, staleBefore, input.limit ?? 500)
    )
    return rows
  }

  /**
   * Ends claims: sent, suppressed (with the reason) or failed, in two statements for a whole batch.
   * Only the holder of a claim's token may end it, so a sender whose lease ran out cannot
   * overwrite the run that took over. A failed send with retries left (`sendRetries`, counted by
   * the reminder's claims) is scheduled again, `retryBackoffMinutes` × 2^(attempt − 1) from `now`,
   * keeping the error as its reason; after the last retry it is final. A sent reminder of a cycle
   * with nudges left schedules the next one, `nudge_after_days` after its due date. Returns the
   * reminders whose claim was held, with the status they got.
   */
  @InjectTransactionManager()
  async completeReminders(
    input: { outcomes: ReminderOutcome[]; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: ReminderRow["status"] }[]> {
    if (!input.outcomes.length) {
      return []
    }
    const knex = transactionKnex(sharedContext)
    const now = input.now ?? new Date()
    const { sendRetries, retryBackoffMinutes } = this.remindersOptions_
    const column = (pick: (o: ReminderOutcome) => string | null | undefined) => input.outcomes.map((o) => pick(o) ?? null)
    const { rows: done } = await knex.raw(
      `update reminder r set status = case when v.retry then 'scheduled' else v.status end,
              due_at = case when v.retry then ?::timestamptz + make_interval(secs => ? * 60.0 * power(2, r.attempts - 1)) else r.due_at end,
              claim_token = case when v.retry then null else r.claim_token end,
              reason = v.reason, message_id = v.message_id,
              sent_at = case when v.status = 'sent' then ?::timestamptz end, updated_at = ?
       from (select u.*, u.status = 'failed' and r0.attempts <= ? as retry
             from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(id, claim_token, status, reason, message_id)
             join reminder r0 on r0.id = u.id) v
       where r.id = v.id and r.status = 'claimed' and r.claim_token = v.claim_token
       returning r.id, r.status`,
      sqlBindings(
        now,
        retryBackoffMinutes,
        now,
        now,
        sendRetries,
        column((o) => o.id),
        column((o) => o.claim_token),
        column((o) => o.status),
        column((o) => o.reason),
        column((o) => o.message_id)
      )
    )
    const sent = (done as { id: string; status: string }[]).filter((d) => d.status === "sent").map((d) => d.id)
    if (sent.length) {
      // Seconds, not days: as rescheduleRuleReminders computes a nudge's due date.
      await knex.raw(
        `insert into reminder (id, customer_id, rule_id, coverage_end, due_at, sequence, status, created_at, updated_at)
         select 'rmd_' || replace(gen_random_uuid()::text, '-', ''), r.customer_id, r.rule_id, r.coverage_end,
                r.due_at + make_interval(secs => rr.nudge_after_days * 86400.0), r.sequence + 1, 'scheduled', now(), now()
         from reminder r join reminder_rule rr on rr.id = r.rule_id
         where r.id = any(?::text[]) and r.sequence < rr.max_reminders
         on conflict do nothing`,
        sqlBindings(sent)
      )
    }
    return done as { id: string; status: ReminderRow["status"] }[]
  }

  /**
   * The store's median gap per unit for every active rule, from customers with two or more
   * purchases. `changed`: the learned days per unit moved (the coverage of a rule without a set
   * cycle moves with it).
   */
  @InjectTransactionManager()
  async learnCycles(
    input: { now?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rule_id: string; median: number; sample_size: number; changed: boolean }[]> {
    const knex = transactionKnex(sharedContext)
    const { rows } = await knex.raw(LEARNED_CYCLES_SQL)
    const learned = rows as { rule_id: string; median: number; sample_size: number }[]
    const before: { id: string; learned_days_per_unit: number | null }[] = learned.length
      ? await knex("reminder_rule").whereIn("id", learned.map((r) => r.rule_id)).select("id", "learned_days_per_unit")
      : []
    const now = input.now ?? new Date()
    const result: { rule_id: string; median: number; sample_size: number; changed: boolean }[] = []
    for (const row of learned) {
      const days = Math.round(row.median * 100) / 100
      const previous = before.find((b) => b.id === row.rule_id)?.learned_days_per_unit ?? null
      await knex("reminder_rule")
        .where({ id: row.rule_id })
        .update({ learned_days_per_unit: days, learned_sample_size: row.sample_size, learned_at: now, updated_at: now })
      // The column is a real: compare at the 0.01 days it is rounded to.
      result.push({ ...row, changed: previous === null || Math.abs(previous - days) >= 0.005 })
    }
    return result
  }

  private async storeCoverage_(knex: Knex, customerIds: string[], coverage: CoverageRow[]) {
    await knex("customer_coverage").whereIn("customer_id", customerIds).delete()
    if (!coverage.length) {
      return
    }
    await knex("customer_coverage").insert(
      coverage.map((c) => ({
        id: `rcov_${c.rule_id}_${c.customer_id}`,
        customer_id: c.customer_id,
        rule_id: c.rule_id,
        covered_until: c.covered_until,
        cycle_days: c.cycle_days,
        cycle_source: c.cycle_source,
        units: c.units,
        last_purchase_at: c.last_purchase_at,
        last_variant_id: c.last_variant_id,
        last_quantity: c.last_quantity,
      }))
    )
  }

  /**
   * One keyset page (by customer id, after `after`) of the customers a rule's change concerns:
   * buyers of `product_ids` / `variant_ids` (what the rule covers, before and after the change)
   * and customers holding a scheduled or claimed reminder of the rule (none without `rule_id`:
   * buyers only, as after an import).
   */
  @InjectManager()
  async listRuleCustomers(
    input: { rule_id?: string | null; product_ids: string[]; variant_ids: string[]; after?: string | null; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const after = input.after ?? ""
    const limit = input.limit ?? 500
    const { rows } = await contextKnex(sharedContext).raw(
      RULE_CUSTOMERS_PAGE_SQL,
      sqlBindings(input.product_ids, after, limit, input.variant_ids, after, limit, input.rule_id ?? null, after, limit, limit)
    )
    return (rows as { customer_id: string }[]).map((r) => r.customer_id)
  }

  /**
   * Scheduled reminders of active rules due within `days` (overdue ones included: the next run
   * sends them), soonest first, with the customer's e-mail and name and the coverage they are
   * about. Pages by `offset`, or by keyset after `after` (the export).
   */
  @InjectManager()
  async listUpcomingReminders(
    input: { days: number; rule_id?: string | null; limit?: number; offset?: number; after?: UpcomingCursor | null; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UpcomingReminder[]> {
    const query = this.upcomingQuery_(contextKnex(sharedContext), input)
      .select(
        "r.id",
        "r.customer_id",
        "cf.email",
        "cf.first_name",
        "cf.last_name",
        "r.rule_id",
        "rr.title as rule_title",
        "rr.product_id",
        "rr.variant_id",
        "r.sequence",
        "r.due_at",
        "r.coverage_end",
        "c.cycle_days",
        "c.cycle_source",
        "c.units",
        "c.last_purchase_at",
        "c.last_quantity"
      )
      .orderBy([{ column: "r.due_at" }, { column: "r.id" }])
      .limit(input.limit ?? 50)
    if (input.after) {
      query.whereRaw("(r.due_at, r.id) > (?, ?)", sqlBindings(input.after.due_at, input.after.id))
    } else if (input.offset) {
      query.offset(input.offset)
    }
    return query
  }

  /** How many reminders `listUpcomingReminders` pages through. */
  @InjectManager()
  async countUpcomingReminders(
    input: { days: number; rule_id?: string | null; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const [{ count }] = await this.upcomingQuery_(contextKnex(sharedContext), input).count<{ count: string }[]>("* as count")
    return Number(count)
  }

  /**
   * Reminders of a period [from, to): sent, suppressed and withdrawn by reason, failed; the sent
   * ones followed by a reorder of the rule's products or substitutes within `window_days` (14) of
   * being sent, and those reorders' net revenue per currency. Set-based, two statements.
   */
  @InjectManager()
  async reportReminders(
    input: { from: Date; to: Date; rule_id?: string | null; window_days?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReminderReport> {
    const knex = contextKnex(sharedContext)
    const windowDays = input.window_days ?? 14
    const ruleId = input.rule_id ?? null
    const { rows: outcomes } = await knex.raw(REPORT_OUTCOMES_SQL, sqlBindings(input.from, input.to, input.from, input.to, ruleId, ruleId))
    const { rows: reorders } = await knex.raw(
      REPORT_REORDERS_SQL,
      sqlBindings(input.from, input.to, windowDays, windowDays, input.from, input.to, ruleId, ruleId)
    )
    const report: ReminderReport = {
      from: input.from,
      to: input.to,
      rule_id: ruleId,
      window_days: windowDays,
      sent: 0,
      suppressed: {},
      suppressed_total: 0,
      withdrawn: {},
      withdrawn_total: 0,
      failed: 0,
      converted: 0,
      conversion_rate: null,
      revenue: [],
    }
    for (const row of outcomes as { status: string; reason: string | null; count: number }[]) {
      if (row.status === "sent") report.sent += row.count
      else if (row.status === "failed") report.failed += row.count
      else {
        const byReason = row.status === "suppressed" ? report.suppressed : report.withdrawn
        const reason = row.reason ?? "unknown"
        byReason[reason] = (byReason[reason] ?? 0) + row.count
      }
    }
    report.suppressed_total = Object.values(report.suppressed).reduce((sum, n) => sum + n, 0)
    report.withdrawn_total = Object.values(report.withdrawn).reduce((sum, n) => sum + n, 0)
    const revenue = reorders as { currency_code: string; reminders: number; orders: number; revenue: string; converted: number }[]
    report.converted = revenue[0]?.converted ?? 0
    report.conversion_rate = report.sent ? report.converted / report.sent : null
    report.revenue = revenue.map((r) => ({ currency_code: r.currency_code, amount: r.revenue, orders: r.orders, reminders: r.reminders }))
    return report
  }

  /**
   * The learned cycle of products and variants that have no rule yet (shown beside the cycle
   * field of a new rule): the store's median gap per unit, as `learnCycles` learns it.
   */
  @InjectManager()
  async suggestCycle(input: { product_ids: string[]; variant_ids: string[] }, @MedusaContext() sharedContext: Context = {}): Promise<CycleSuggestion> {
    const { rows } = await contextKnex(sharedContext).raw(SUGGESTED_CYCLE_SQL, sqlBindings(input.product_ids, input.variant_ids))
    const [row] = rows as { median: number | null; sample_size: number }[]
    return {
      days_per_unit: row?.median === null || row?.median === undefined ? null : Math.round(row.median * 100) / 100,
      sample_size: row?.sample_size ?? 0,
    }
  }

  /**
   * After a rule's lead time, nudge interval or nudge count changed: its scheduled reminders get
   * the due dates the rule now gives them (coverage end − lead, then one nudge interval per
   * sequence, as `completeReminders` schedules nudges), and nudges beyond the new count are
   * withdrawn (`rule_changed`). Coverage itself is `syncCoverage`'s.
   */
  @InjectTransactionManager()
  async rescheduleRuleReminders(input: { rule_id: string }, @MedusaContext() sharedContext: Context = {}): Promise<{ rescheduled: number; withdrawn: number }> {
    const knex = transactionKnex(sharedContext)
    const { rowCount: withdrawn } = await knex.raw(
      `update reminder r set status = 'withdrawn', reason = 'rule_changed', updated_at = now()
       from reminder_rule rr
       where rr.id = ? and rr.is_active and rr.deleted_at is null
         and r.rule_id = rr.id and r.status = 'scheduled' and r.deleted_at is null and r.sequence > rr.max_reminders`,
      [input.rule_id]
    )
    // Seconds, not days: a day interval follows the session's time zone across DST, JS's DAY does not.
    const { rowCount: rescheduled } = await knex.raw(
      `update reminder r set due_at = d.due_at, updated_at = now()
       from (
         select r2.id, r2.coverage_end - make_interval(secs => rr.lead_days * 86400.0)
                                       + make_interval(secs => (r2.sequence - 1) * rr.nudge_after_days * 86400.0) as due_at
         from reminder r2 join reminder_rule rr on rr.id = r2.rule_id
         where rr.id = ? and rr.is_active and rr.deleted_at is null and r2.status = 'scheduled' and r2.deleted_at is null
       ) d
       where r.id = d.id and r.status = 'scheduled' and r.due_at <> d.due_at`,
      [input.rule_id]
    )
    return { rescheduled: rescheduled ?? 0, withdrawn: withdrawn ?? 0 }
  }

  /**
   * One customer's reminders: coverage per rule with the next and the last reminder, the
   * reminders to come and the `recent` latest final ones.
   */
  @InjectManager()
  async summarizeCustomerReminders(
    input: { customer_id: string; recent?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CustomerReminders> {
    const knex = contextKnex(sharedContext)
    const columns = ["r.id", "r.rule_id", "rr.title as rule_title", "r.status", "r.reason", "r.sequence", "r.due_at", "r.coverage_end", "r.sent_at", "r.updated_at"]
    const reminders = () =>
      knex("reminder as r").join("reminder_rule as rr", "rr.id", "r.rule_id").where("r.customer_id", input.customer_id).whereNull("r.deleted_at").select(columns)
    const [coverage, upcoming, recent]: [Record<string, unknown>[], ReminderSummary[], ReminderSummary[]] = await Promise.all([
      knex("customer_coverage as c")
        .join("reminder_rule as rr", "rr.id", "c.rule_id")
        .where("c.customer_id", input.customer_id)
        .whereNull("c.deleted_at")
        .whereNull("rr.deleted_at")
        .select("c.rule_id", "rr.title as rule_title", "rr.product_id", "rr.variant_id", "rr.is_active", "c.covered_until", "c.cycle_days", "c.cycle_source", "c.units", "c.last_purchase_at")
        .orderBy([{ column: "c.covered_until" }, { column: "c.rule_id" }]),
      reminders().whereIn("r.status", ["scheduled", "claimed"]).orderBy([{ column: "r.due_at" }, { column: "r.id" }]),
      reminders()
        .whereIn("r.status", ["sent", "suppressed", "withdrawn", "failed"])
        .orderByRaw("coalesce(r.sent_at, r.updated_at) desc, r.id desc")
        .limit(input.recent ?? 20),
    ])
    return {
      customer_id: input.customer_id,
      coverage: coverage.map((c) => ({
        ...(c as Omit<CoverageSummary, "next_reminder" | "last_reminder">),
        next_reminder: upcoming.find((r) => r.rule_id === c.rule_id) ?? null,
        last_reminder: recent.find((r) => r.rule_id === c.rule_id) ?? null,
      })),
      upcoming,
      recent,
    }
  }

  private upcomingQuery_(knex: Knex, input: { days: number; rule_id?: string | null; now?: Date }) {
    const until = new Date((input.now ?? new Date()).getTime() + input.days * DAY)
    const query = knex("reminder as r")
      .join("reminder_rule as rr", "rr.id", "r.rule_id")
      .leftJoin("customer_fact as cf", "cf.customer_id", "r.customer_id")
      .leftJoin("customer_coverage as c", (on) => on.on("c.customer_id", "r.customer_id").andOn("c.rule_id", "r.rule_id"))
      .where("r.status", "scheduled")
      .whereNull("r.deleted_at")
      .whereNull("rr.deleted_at")
      .where("rr.is_active", true)
      .where("r.due_at", "<=", until)
    if (input.rule_id) {
      query.where("r.rule_id", input.rule_id)
    }
    return query
  }
}

export default RemindersModuleService
