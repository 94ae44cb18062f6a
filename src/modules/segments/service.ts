import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { contextKnex, sqlBindings, transactionKnex } from "../../lib/module-knex"
import { compileDefinition } from "./definition/compile"
import { explainQuery, type ExplainedNode } from "./definition/explain"
import type { ResolvedReferences } from "./definition/references"
import type { SegmentNode } from "./definition/schema"
import { join, raw, sql, value, type Fragment } from "./definition/sql-fragment"
import { Segment, SegmentMembership } from "./models"

export type SegmentsOptions = {
  /** PostgreSQL work_mem for segment queries: large memberships hash in memory instead of spilling. */
  workMem?: string
  /** Longest a preview or count may run before it is cancelled. */
  statementTimeoutMs?: number
}

/** A segment ready to evaluate: its tree and what the tree references, resolved. */
export type EvaluableSegment = { id: string; definition: SegmentNode; references: ResolvedReferences }

export type MembershipChange = { segment_id: string; customer_id: string }

/** The customer fields a preview sample shows. */
const SAMPLE_COLUMNS =
  "cf.customer_id, cf.email, cf.first_name, cf.last_name, cf.country_code, cf.city, cf.order_count, cf.last_order_at, cf.main_currency_code, cf.total_spent, cf.points_balance"

/**
 * Segments and their memberships. The condition tree compiles to one parameterised SQL statement
 * over the customer facts (definition/compile.ts); the same compiler answers counts, lists, the
 * membership of given customers and explain. A full refresh holds a segment's advisory lock
 * exclusively and per-customer evaluations hold it shared, so an evaluation is never overwritten
 * by a refresh computed from older facts.
 */
class SegmentsModuleService extends MedusaService({ Segment, SegmentMembership }) {
  protected readonly segmentsOptions_: Required<SegmentsOptions>

  constructor(container: Record<string, unknown>, options?: { segments?: SegmentsOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const workMem = options?.segments?.workMem ?? "64MB"
    if (!/^\d+(kB|MB|GB)$/.test(workMem)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `segments.workMem must look like 64MB; got ${workMem}`)
    }
    this.segmentsOptions_ = { workMem, statementTimeoutMs: options?.segments?.statementTimeoutMs ?? 30_000 }
  }

  /** How many customers an (unsaved) tree matches now, and a sample of them. */
  @InjectTransactionManager()
  async previewDefinition(
    input: { definition: SegmentNode; references: ResolvedReferences; now?: Date; sample_size?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ count: number; sample: Record<string, unknown>[] }> {
    const knex = transactionKnex(sharedContext)
    await this.tune_(knex)
    const where = compileDefinition(input.definition, { mode: "set", now: input.now ?? new Date(), references: input.references })
    const [{ count }] = (await knex.raw(`select count(*)::int as count from customer_fact cf where ${where.sql}`, sqlBindings(...where.bindings))).rows
    const sample = input.sample_size === 0 ? [] : await this.page_(knex, where, { limit: input.sample_size ?? 20 })
    return { count, sample }
  }

  /** The customers a tree matches, keyset-paged by customer id (exports, audiences). */
  @InjectTransactionManager()
  async listMatchingCustomers(
    input: { definition: SegmentNode; references: ResolvedReferences; now?: Date; limit?: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, unknown>[]> {
    const knex = transactionKnex(sharedContext)
    await this.tune_(knex)
    const where = compileDefinition(input.definition, { mode: "set", now: input.now ?? new Date(), references: input.references })
    return this.page_(knex, where, { limit: input.limit ?? 500, after: input.after })
  }

  /** Which of these customers a tree matches now (an automation's split): reads only. */
  @InjectManager()
  async matchCustomers(
    input: { definition: SegmentNode; references: ResolvedReferences; customer_ids: string[]; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const customerIds = [...new Set(input.customer_ids)]
    if (!customerIds.length) return []
    const knex = contextKnex(sharedContext)
    const predicate = compileDefinition(input.definition, { mode: "customer", now: input.now ?? new Date(), references: input.references })
    const query = sql`select cf.customer_id from customer_fact cf where cf.customer_id = any(${value(customerIds, "text[]")}) and ${predicate}`
    const { rows } = await knex.raw(query.sql, sqlBindings(...query.bindings))
    return (rows as { customer_id: string }[]).map((r) => r.customer_id)
  }

  /**
   * Re-evaluates given customers in given segments (after their facts changed) and applies the
   * difference to the memberships: one query answers every segment for every customer. Returns the
   * entries and exits made now (a replay finds nothing to change and returns none).
   */
  @InjectTransactionManager()
  async evaluateCustomers(
    input: { segments: EvaluableSegment[]; customer_ids: string[]; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entered: MembershipChange[]; exited: MembershipChange[] }> {
    const knex = transactionKnex(sharedContext)
    const segments = [...input.segments].sort((a, b) => a.id.localeCompare(b.id))
    const customerIds = [...new Set(input.customer_ids)].sort()
    if (!segments.length || !customerIds.length) {
      return { entered: [], exited: [] }
    }
    for (const s of segments) {
      await knex.raw(`select pg_advisory_xact_lock_shared(hashtextextended(?, 0))`, [`segment:${s.id}`])
    }
    const now = input.now ?? new Date()
    const columns = segments.map((s, i) => {
      const predicate = compileDefinition(s.definition, { mode: "customer", now, references: s.references, segment_id: s.id })
      return sql`${predicate} as ${raw(`s${i}`)}`
    })
    const query = sql`select cf.customer_id, ${join(columns, ", ")} from customer_fact cf where cf.customer_id = any(${value(customerIds, "text[]")})`
    const { rows } = await knex.raw(query.sql, sqlBindings(...query.bindings))
    const matches: MembershipChange[] = []
    for (const row of rows as Record<string, unknown>[]) {
      segments.forEach((s, i) => {
        if (row[`s${i}`] === true) matches.push({ segment_id: s.id, customer_id: row.customer_id as string })
      })
    }
    const segmentIds = segments.map((s) => s.id)
    const { rows: entered } = await knex.raw(
      `insert into segment_membership (id, segment_id, customer_id, entered_at, created_at, updated_at)
       select 'segm_' || replace(gen_random_uuid()::text, '-', ''), v.segment_id, v.customer_id, ?, now(), now()
       from unnest(?::text[], ?::text[]) as v(segment_id, customer_id)
       on conflict (segment_id, customer_id) do nothing
       returning segment_id, customer_id`,
      sqlBindings(now, matches.map((m) => m.segment_id), matches.map((m) => m.customer_id))
    )
    const { rows: exited } = await knex.raw(
      `delete from segment_membership m
       where m.segment_id = any(?::text[]) and m.customer_id = any(?::text[])
         and not exists (select 1 from unnest(?::text[], ?::text[]) as v(segment_id, customer_id)
                         where v.segment_id = m.segment_id and v.customer_id = m.customer_id)
       returning m.segment_id, m.customer_id`,
      sqlBindings(segmentIds, customerIds, matches.map((m) => m.segment_id), matches.map((m) => m.customer_id))
    )
    await this.adjustCounts_(knex, entered, exited)
    return { entered, exited }
  }

  /**
   * Recomputes one segment's whole membership from the facts (time passed, the definition
   * changed, a bulk import): set-based insert of the new members and delete of the gone ones.
   * Returns who entered and who exited, and the member count.
   */
  @InjectTransactionManager()
  async refreshMembership(
    input: { segment: EvaluableSegment; now?: Date; definition_version?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entered: string[]; exited: string[]; member_count: number }> {
    const knex = transactionKnex(sharedContext)
    const { segment } = input
    await knex.raw(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`segment:${segment.id}`])
    await this.tune_(knex, { timeout: false })
    const now = input.now ?? new Date()
    const where = compileDefinition(segment.definition, { mode: "set", now, references: segment.references, segment_id: segment.id })
    const { rows: entered } = await knex.raw(
      `insert into segment_membership (id, segment_id, customer_id, entered_at, created_at, updated_at)
       select 'segm_' || replace(gen_random_uuid()::text, '-', ''), ?, cf.customer_id, ?, now(), now()
       from customer_fact cf
       where ${where.sql}
         and not exists (select 1 from segment_membership m where m.segment_id = ? and m.customer_id = cf.customer_id)
       on conflict (segment_id, customer_id) do nothing
       returning customer_id`,
      sqlBindings(segment.id, now, ...where.bindings, segment.id)
    )
    const { rows: exited } = await knex.raw(
      `delete from segment_membership m
       using (select m2.id from segment_membership m2
              left join (select cf.customer_id from customer_fact cf where ${where.sql}) x on x.customer_id = m2.customer_id
              where m2.segment_id = ? and x.customer_id is null) gone
       where m.id = gone.id
       returning m.customer_id`,
      sqlBindings(...where.bindings, segment.id)
    )
    const [{ count }] = (await knex.raw(`select count(*)::int as count from segment_membership where segment_id = ?`, [segment.id])).rows
    const update: Record<string, unknown> = { member_count: count, last_refreshed_at: now, updated_at: now }
    if (input.definition_version !== undefined) {
      update.membership_version = input.definition_version
    }
    await knex("segment").where({ id: segment.id }).update(update)
    return {
      entered: entered.map((r: { customer_id: string }) => r.customer_id),
      exited: exited.map((r: { customer_id: string }) => r.customer_id),
      member_count: count,
    }
  }

  /** Every node of a tree evaluated for one customer, with the facts it looked at. */
  @InjectManager()
  async explainCustomer(
    input: { definition: SegmentNode; references: ResolvedReferences; customer_id: string; now?: Date; segment_id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; has_facts: boolean; member: boolean; tree: ExplainedNode }> {
    const knex = contextKnex(sharedContext)
    const { select, build } = explainQuery(input.definition, {
      now: input.now ?? new Date(),
      references: input.references,
      segment_id: input.segment_id,
    })
    const { rows } = await knex.raw(
      `select ${select.sql} from customer_fact cf where cf.customer_id = ?`,
      sqlBindings(...select.bindings, input.customer_id)
    )
    const tree = build(rows[0])
    return { customer_id: input.customer_id, has_facts: rows.length > 0, member: tree.result, tree }
  }

  /** A page of a saved segment's members with their facts, keyset by customer id. */
  @InjectManager()
  async listMembers(
    input: { segment_id: string; limit?: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, unknown>[]> {
    const knex = contextKnex(sharedContext)
    return knex("segment_membership as m")
      .join("customer_fact as cf", "cf.customer_id", "m.customer_id")
      .where("m.segment_id", input.segment_id)
      .andWhere("m.customer_id", ">", input.after ?? "")
      .orderBy("m.customer_id")
      .limit(input.limit ?? 500)
      .select(knex.raw(`${SAMPLE_COLUMNS}, m.entered_at`))
  }

  /** Removes every membership of these segments (they were deleted). */
  @InjectTransactionManager()
  async deleteMemberships(input: { segment_ids: string[] }, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const knex = transactionKnex(sharedContext)
    const { rowCount } = await knex.raw(`delete from segment_membership where segment_id = any(?::text[])`, [input.segment_ids])
    return rowCount ?? 0
  }

  /** The segments a customer is in now. */
  @InjectManager()
  async listCustomerSegmentIds(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const knex = contextKnex(sharedContext)
    const rows: { segment_id: string }[] = await knex("segment_membership").where({ customer_id: customerId }).select("segment_id")
    return rows.map((r) => r.segment_id)
  }

  private async page_(knex: Knex, where: Fragment, input: { limit: number; after?: string | null }) {
    const { rows } = await knex.raw(
      `select ${SAMPLE_COLUMNS} from customer_fact cf where ${where.sql} and cf.customer_id > ? order by cf.customer_id limit ?`,
      sqlBindings(...where.bindings, input.after ?? "", input.limit)
    )
    return rows
  }

  private async tune_(knex: Knex, { timeout = true } = {}) {
    await knex.raw(`select set_config('work_mem', ?, true)`, [this.segmentsOptions_.workMem])
    if (timeout) {
      await knex.raw(`select set_config('statement_timeout', ?, true)`, [String(this.segmentsOptions_.statementTimeoutMs)])
    }
  }

  private async adjustCounts_(knex: Knex, entered: MembershipChange[], exited: MembershipChange[]) {
    const delta = new Map<string, number>()
    for (const e of entered) delta.set(e.segment_id, (delta.get(e.segment_id) ?? 0) + 1)
    for (const e of exited) delta.set(e.segment_id, (delta.get(e.segment_id) ?? 0) - 1)
    const changed = [...delta].filter(([, d]) => d !== 0)
    if (!changed.length) {
      return
    }
    await knex.raw(
      `update segment s set member_count = s.member_count + v.delta, updated_at = now()
       from unnest(?::text[], ?::int[]) as v(id, delta) where s.id = v.id`,
      sqlBindings(changed.map(([id]) => id), changed.map(([, d]) => d))
    )
  }
}

export default SegmentsModuleService
