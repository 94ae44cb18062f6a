import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { contextKnex, sqlBindings, transactionKnex } from "../../lib/module-knex"
import { CustomerCoverage, Reminder, ReminderRule } from "./models"
import { REMINDER_DEFAULTS, type RemindersOptions, type ResolvedRemindersOptions } from "./types"
import { coverageSql, LEARNED_CYCLES_SQL } from "./utils/coverage-sql"

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
    this.remindersOptions_ = { ...REMINDER_DEFAULTS, ...(options?.reminders ?? {}) }
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
   * reminders are being sent and are left to the sender's own re-check.
   */
  @InjectTransactionManager()
  async syncCoverage(input: { customer_ids: string[]; now?: Date }, @MedusaContext() sharedContext: Context = {}): Promise<ReminderChanges> {
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
    const rules: { id: string; lead_days: number }[] = await knex("reminder_rule").whereNull("deleted_at").select("id", "lead_days")
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
      await knex("reminder")
        .where({ id: reminder.id, status: "scheduled" })
        .update({ status: extended ? "suppressed" : "withdrawn", reason: extended ? "reordered" : "coverage_shortened", updated_at: now })
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
           where reminder.status in ('suppressed', 'withdrawn') and reminder.reason in ('reordered', 'coverage_shortened')`,
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
   * Ends a claim: sent, suppressed (with the reason) or failed. Only the holder of the claim token
   * may end it, so a sender whose lease ran out cannot overwrite the one that took over. A sent
   * reminder of a cycle with nudges left schedules the next one. Returns whether the claim was held.
   */
  @InjectTransactionManager()
  async completeReminder(
    input: { id: string; claim_token: string; status: "sent" | "suppressed" | "failed"; reason?: string | null; message_id?: string | null; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const knex = transactionKnex(sharedContext)
    const now = input.now ?? new Date()
    const [done] = await knex("reminder")
      .where({ id: input.id, status: "claimed", claim_token: input.claim_token })
      .update({
        status: input.status,
        reason: input.reason ?? null,
        message_id: input.message_id ?? null,
        sent_at: input.status === "sent" ? now : null,
        updated_at: now,
      })
      .returning(["id", "customer_id", "rule_id", "coverage_end", "due_at", "sequence"])
    if (!done) {
      return false
    }
    if (input.status === "sent") {
      const [rule] = await knex("reminder_rule").where({ id: done.rule_id }).select("max_reminders", "nudge_after_days")
      if (rule && done.sequence < rule.max_reminders) {
        await knex.raw(
          `insert into reminder (id, customer_id, rule_id, coverage_end, due_at, sequence, status, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, 'scheduled', now(), now())
           on conflict do nothing`,
          [
            `rmd_${randomUUID().replace(/-/g, "")}`,
            done.customer_id,
            done.rule_id,
            done.coverage_end,
            new Date(new Date(done.due_at).getTime() + rule.nudge_after_days * DAY),
            done.sequence + 1,
          ]
        )
      }
    }
    return true
  }

  /** The store's median gap per unit for every active rule, from customers with two or more purchases. */
  @InjectTransactionManager()
  async learnCycles(input: { now?: Date } = {}, @MedusaContext() sharedContext: Context = {}): Promise<{ rule_id: string; median: number; sample_size: number }[]> {
    const knex = transactionKnex(sharedContext)
    const { rows } = await knex.raw(LEARNED_CYCLES_SQL)
    const now = input.now ?? new Date()
    for (const row of rows as { rule_id: string; median: number; sample_size: number }[]) {
      await knex("reminder_rule")
        .where({ id: row.rule_id })
        .update({ learned_days_per_unit: Math.round(row.median * 100) / 100, learned_sample_size: row.sample_size, learned_at: now, updated_at: now })
    }
    return rows
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
}

export default RemindersModuleService
