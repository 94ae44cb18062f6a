import type { BigNumberInput, Context, ModuleJoinerConfig } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { contextKnex, sqlBindings, transactionKnex } from "../../lib/module-knex"
import { joinerConfig } from "./joiner-config"
import { Company, CompanyEmployee, Contract, ContractRenewalNotice, PriceImport, PriceImportRow } from "./models"
import {
  B2B_DEFAULTS,
  type B2bOptions,
  type ContractDTO,
  type ContractPeriod,
  type CreateContractInput,
  type ListPrice,
  type PriceImportAction,
  type PriceImportChange,
  type PriceImportCounts,
  type PriceImportDTO,
  type PriceImportStatus,
  type PriceRowError,
  type ResolvedB2bOptions,
  type StagedPriceRow,
  type UpdateContractInput,
} from "./types"
import {
  BAND_OVERLAPS_SQL,
  DIFF_ADDED_SQL,
  DIFF_COUNTS_SQL,
  DIFF_MATCH_SQL,
  DIFF_REMOVED_SQL,
  MARK_APPLIED_SQL,
  ROW_COLUMNS,
  STAGE_FILE_ROWS_SQL,
  STAGE_LIST_ROWS_SQL,
} from "./utils/import-sql"
import { describeBand } from "./utils/bands"
import { spendingLimitViolation, spendingStatus, type SpendingLimit, type SpendingOrder, type SpendingStatus } from "./utils/spending-limit"

export type PriceImportProgressPatch = Partial<
  Pick<
    PriceImportDTO,
    | "status"
    | "bytes_read"
    | "rows_total"
    | "rows_valid"
    | "rows_with_errors"
    | "added"
    | "changed"
    | "removed"
    | "unchanged"
    | "applied"
    | "list_fingerprint"
    | "failure"
    | "validated_at"
    | "finished_at"
  >
> & { errors?: PriceRowError[] }

const PROGRESS_COLUMNS = new Set([
  "status",
  "bytes_read",
  "rows_total",
  "rows_valid",
  "rows_with_errors",
  "added",
  "changed",
  "removed",
  "unchanged",
  "applied",
  "list_fingerprint",
  "failure",
  "validated_at",
  "finished_at",
])

/**
 * Fresh statistics for the staging table before the overlap check and the diff: without them (a
 * table just filled, autovacuum not yet by) PostgreSQL planned both as nested loops over the whole
 * import (10k rows: 74 s instead of 2–5 s).
 */
async function analyzeStagedRows(knex: Knex) {
  await knex.raw("analyze b2b_price_import_row")
}

/** An import whose record has not moved for this long is taken for dead (its process crashed). */
export const PRICE_IMPORT_STALE_MS = 10 * 60_000

export type RenewalDue = {
  contract_id: string
  title: string
  company_id: string
  company_name: string
  account_manager_email: string | null
  valid_to: Date
  renewal_reminder_days: number
}

export type RenewalListItem = RenewalDue & { status: "active"; notice_id: string | null; notified_at: Date | null; sent_to: string | null }

// Dates that went through a workflow arrive as ISO strings.
const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : "open-ended")

/**
 * B2B: companies (each with its own Medusa customer group), their employees, contracts (each a
 * Medusa price list ruled on the company's group), renewal notices, and the staging of CSV price
 * imports, whose diff against the price list is computed in the database.
 */
class B2bModuleService extends MedusaService({ Company, CompanyEmployee, Contract, ContractRenewalNotice, PriceImport, PriceImportRow }) {
  protected readonly b2bOptions_: ResolvedB2bOptions

  constructor(container: Record<string, unknown>, options?: { b2b?: B2bOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.b2bOptions_ = { ...B2B_DEFAULTS, ...(options?.b2b ?? {}) }
  }

  __joinerConfig(): ModuleJoinerConfig {
    return joinerConfig
  }

  /** The options in force (defaults filled in). */
  getB2bOptions(): ResolvedB2bOptions {
    return this.b2bOptions_
  }

  /**
   * The active contract of the company that overlaps the period (both ends included, as Medusa
   * applies a price list from starts_at to ends_at inclusive; no end is open-ended), if any.
   */
  @InjectManager()
  async findOverlappingContract(period: ContractPeriod, @MedusaContext() sharedContext: Context = {}): Promise<(ContractPeriod & { title: string }) | null> {
    return this.findOverlap_(contextKnex(sharedContext), period)
  }

  /** Throws INVALID_DATA, naming the other contract, when the period overlaps an active contract of the company (a check before the locked one). */
  @InjectManager()
  async assertNoOverlappingContract(period: ContractPeriod, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.assertNoOverlap_(contextKnex(sharedContext), period)
  }

  /**
   * Creates contracts (their price lists exist already). Under a per-company lock, one that is
   * active and would overlap another active contract of its company is refused, naming that one.
   */
  @InjectTransactionManager()
  async signContracts(data: (CreateContractInput & { price_list_id: string })[], @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    await this.lockCompanies_(knex, data.map((d) => d.company_id))
    const created: ContractDTO[] = []
    for (const contract of data) {
      await this.assertNoOverlap_(knex, {
        company_id: contract.company_id,
        status: contract.status ?? "draft",
        valid_from: contract.valid_from,
        valid_to: contract.valid_to ?? null,
      })
      created.push(await this.createContracts(contract, sharedContext))
    }
    return created
  }

  /** Changes contracts; a change that makes one overlap another active contract of its company is refused, as on create. */
  @InjectTransactionManager()
  async amendContracts(data: UpdateContractInput[], @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    const current = await this.listContracts({ id: data.map((d) => d.id) }, { select: ["id", "company_id", "status", "valid_from", "valid_to"] }, sharedContext)
    await this.lockCompanies_(knex, current.map((c) => c.company_id))
    for (const update of data) {
      const before = current.find((c) => c.id === update.id)
      if (!before) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contract with id "${update.id}" not found`)
      }
      await this.assertNoOverlap_(knex, {
        id: before.id,
        company_id: before.company_id,
        status: update.status ?? before.status,
        valid_from: update.valid_from ?? before.valid_from,
        valid_to: update.valid_to === undefined ? before.valid_to : update.valid_to,
      })
    }
    return this.updateContracts(data, sharedContext)
  }

  /**
   * Active contracts whose end falls within their reminder days from `now` and whose account
   * manager was not yet told about that end date, by id after `after`.
   */
  @InjectManager()
  async listRenewalsDue(input: { now: Date; after?: string; limit?: number }, @MedusaContext() sharedContext: Context = {}): Promise<RenewalDue[]> {
    const { rows } = await contextKnex(sharedContext).raw(
      `select c.id as contract_id, c.title, c.company_id, co.name as company_name, co.account_manager_email, c.valid_to, c.renewal_reminder_days
       from b2b_contract c
       join b2b_company co on co.id = c.company_id and co.deleted_at is null
       where c.deleted_at is null and c.status = 'active' and c.valid_to is not null
         and c.valid_to >= ? and c.valid_to <= ?::timestamptz + make_interval(days => c.renewal_reminder_days)
         and not exists (select 1 from b2b_contract_renewal_notice n where n.contract_id = c.id and n.valid_to = c.valid_to)
         and c.id > ?
       order by c.id limit ?`,
      sqlBindings(input.now, input.now, input.after ?? "", input.limit ?? 200)
    )
    return rows
  }

  /** Active contracts ending within `within_days` of `now`, soonest first, with the reminder sent for that end date (if any). */
  @InjectManager()
  async listRenewals(
    input: { now: Date; within_days: number; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ items: RenewalListItem[]; count: number }> {
    const knex = contextKnex(sharedContext)
    const where = `c.deleted_at is null and c.status = 'active' and c.valid_to is not null
      and c.valid_to >= ? and c.valid_to <= ?::timestamptz + make_interval(days => ?)`
    const bindings = sqlBindings(input.now, input.now, input.within_days)
    const { rows } = await knex.raw(
      `select c.id as contract_id, c.title, c.company_id, co.name as company_name, co.account_manager_email, c.valid_to,
              c.renewal_reminder_days, c.status, n.id as notice_id, n.created_at as notified_at, n.sent_to
       from b2b_contract c
       join b2b_company co on co.id = c.company_id and co.deleted_at is null
       left join b2b_contract_renewal_notice n on n.contract_id = c.id and n.valid_to = c.valid_to
       where ${where}
       order by c.valid_to, c.id limit ? offset ?`,
      [...bindings, input.limit, input.offset]
    )
    const { rows: total } = await knex.raw(
      `select count(*)::int as n from b2b_contract c join b2b_company co on co.id = c.company_id and co.deleted_at is null where ${where}`,
      bindings
    )
    return { items: rows, count: total[0].n }
  }

  /**
   * Claims the renewal reminder of a contract's end date: true once per (contract, end date),
   * whoever asks and however often (a unique index decides, not a read before the write).
   */
  @InjectTransactionManager()
  async claimRenewalNotice(
    input: { id: string; contract_id: string; company_id: string; valid_to: Date; sent_to: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const { rowCount } = await transactionKnex(sharedContext).raw(
      `insert into b2b_contract_renewal_notice (id, contract_id, company_id, valid_to, sent_to, created_at, updated_at)
       values (?, ?, ?, ?, ?, now(), now()) on conflict (contract_id, valid_to) do nothing`,
      [input.id, input.contract_id, input.company_id, input.valid_to, input.sent_to]
    )
    return (rowCount ?? 0) > 0
  }

  /**
   * Moves an import from one of `from` to `to` atomically; a run whose record stopped moving
   * (`stale_from`, its process died) may be taken over. Only a validated import applies, and
   * applying holds the contract: two imports of one contract never apply at once. Returns
   * whether the move happened.
   */
  @InjectTransactionManager()
  async claimPriceImport(
    input: { id: string; from: PriceImportStatus[]; to: PriceImportStatus; stale_from?: PriceImportStatus[]; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const knex = transactionKnex(sharedContext)
    const now = input.now ?? new Date()
    const [job] = (await knex.raw(`select id, contract_id from b2b_price_import where id = ? and deleted_at is null`, [input.id])).rows as { id: string; contract_id: string }[]
    if (!job) {
      return false
    }
    await knex.raw(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`b2b.contract-prices:${job.contract_id}`])
    const stale = new Date(now.getTime() - PRICE_IMPORT_STALE_MS)
    if (input.to === "applying") {
      const { rows } = await knex.raw(
        `select id from b2b_price_import where contract_id = ? and id <> ? and status = 'applying' and updated_at >= ? and deleted_at is null limit 1`,
        [job.contract_id, job.id, stale]
      )
      if (rows.length) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Import ${rows[0].id} is applying prices to this contract; apply this one when it has finished`)
      }
    }
    const { rowCount } = await knex.raw(
      `update b2b_price_import set status = ?, failure = null, updated_at = ?, started_at = coalesce(started_at, ?)
       where id = ? and deleted_at is null and (status = any(?::text[]) or (status = any(?::text[]) and updated_at < ?))
         and (? <> 'applying' or validated_at is not null)`,
      sqlBindings(input.to, now, now, input.id, input.from, input.stale_from ?? [], stale, input.to)
    )
    return (rowCount ?? 0) > 0
  }

  /**
   * Imports a crashed worker left behind, their record unmoved for PRICE_IMPORT_STALE_MS: pending
   * (the upload's event was lost), validating or applying (the process died mid-run), or ready
   * and asked to apply but never applied. Oldest first.
   */
  @InjectManager()
  async listStalePriceImports(input: { now?: Date; limit?: number } = {}, @MedusaContext() sharedContext: Context = {}): Promise<{ id: string; status: PriceImportStatus }[]> {
    const stale = new Date((input.now ?? new Date()).getTime() - PRICE_IMPORT_STALE_MS)
    const { rows } = await contextKnex(sharedContext).raw(
      `select id, status from b2b_price_import
       where deleted_at is null and updated_at < ?
         and (status in ('pending', 'validating', 'applying') or (status = 'ready' and apply_when_ready))
       order by updated_at, id limit ?`,
      [stale, input.limit ?? 100]
    )
    return rows
  }

  /** Whether an import's record stopped moving long enough ago for its run to be taken over. */
  isStalePriceImport(job: { updated_at: Date | string }, now: Date = new Date()): boolean {
    return new Date(job.updated_at).getTime() < now.getTime() - PRICE_IMPORT_STALE_MS
  }

  /** Stages a batch of the file's valid lines. */
  @InjectManager()
  async stageFileRows(input: { import_id: string; rows: StagedPriceRow[] }, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!input.rows.length) {
      return
    }
    const r = input.rows
    await contextKnex(sharedContext).raw(
      STAGE_FILE_ROWS_SQL,
      sqlBindings(
        input.import_id,
        input.import_id,
        r.map((x) => x.line),
        r.map((x) => x.variant_id),
        r.map((x) => x.price_set_id),
        r.map((x) => x.currency_code),
        r.map((x) => x.min_quantity),
        r.map((x) => x.max_quantity),
        r.map((x) => x.amount)
      )
    )
  }

  /** Stages a page of the price list's current prices. */
  @InjectManager()
  async stageListPrices(input: { import_id: string; prices: ListPrice[] }, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!input.prices.length) {
      return
    }
    const p = input.prices
    await contextKnex(sharedContext).raw(
      STAGE_LIST_ROWS_SQL,
      sqlBindings(
        input.import_id,
        input.import_id,
        p.map((x) => x.id),
        p.map((x) => x.price_set_id),
        p.map((x) => x.currency_code),
        p.map((x) => x.min_quantity),
        p.map((x) => x.max_quantity),
        p.map((x) => x.amount)
      )
    )
  }

  /** Drops what an import staged (before staging again, or once it is of no more use). */
  @InjectManager()
  async clearStagedRows(input: { import_ids: string[]; source?: "file" | "list" }, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!input.import_ids.length) {
      return
    }
    const query = contextKnex(sharedContext)("b2b_price_import_row").whereIn("import_id", input.import_ids)
    if (input.source) {
      query.where({ source: input.source })
    }
    await query.delete()
  }

  /**
   * The lines whose band overlaps an earlier line's for the same variant and currency, as errors
   * (the first `limit`, by line) and how many lines there are.
   */
  @InjectManager()
  async findBandOverlaps(input: { import_id: string; limit: number }, @MedusaContext() sharedContext: Context = {}): Promise<{ errors: PriceRowError[]; count: number }> {
    const knex = contextKnex(sharedContext)
    await analyzeStagedRows(knex)
    const { rows } = await knex.raw(`${BAND_OVERLAPS_SQL} limit ?`, [input.import_id, input.limit])
    const { rows: total } = await knex.raw(`select count(*)::int as n from (${BAND_OVERLAPS_SQL}) o`, [input.import_id])
    const errors = (rows as { line: number; other_line: number; other_min: number | null; other_max: number | null; min_quantity: number | null; max_quantity: number | null }[]).map((r) => {
      const band = describeBand(r.min_quantity, r.max_quantity)
      const other = describeBand(r.other_min, r.other_max)
      return {
        line: r.line,
        field: "min_quantity",
        message:
          band === other
            ? `repeats line ${r.other_line}: the same variant, currency and quantity band (${band})`
            : `the quantity band ${band} overlaps line ${r.other_line}'s band ${other} for the same variant and currency`,
      }
    })
    return { errors, count: total[0].n }
  }

  /** Compares the staged file with the staged price list: marks every row's action and counts them. */
  @InjectTransactionManager()
  async diffPriceImport(input: { import_id: string }, @MedusaContext() sharedContext: Context = {}): Promise<PriceImportCounts> {
    const knex = transactionKnex(sharedContext)
    await analyzeStagedRows(knex)
    await knex.raw(`update b2b_price_import_row set action = null, price_id = case when source = 'list' then price_id end, old_amount = null where import_id = ?`, [input.import_id])
    await knex.raw(DIFF_MATCH_SQL, [input.import_id])
    await knex.raw(DIFF_ADDED_SQL, [input.import_id])
    await knex.raw(DIFF_REMOVED_SQL, [input.import_id])
    const { rows } = await knex.raw(DIFF_COUNTS_SQL, [input.import_id])
    const n = (action: PriceImportAction) => (rows as { action: string; n: number }[]).find((r) => r.action === action)?.n ?? 0
    return { added: n("add"), changed: n("change"), removed: n("remove"), unchanged: n("same") }
  }

  /**
   * A page of an import's diff, keyset by row id (file lines in line order, then removed prices):
   * `applied` filters for what is (or is not yet) written.
   */
  @InjectManager()
  async listPriceImportChanges(
    input: { import_id: string; actions: PriceImportAction[]; after?: string | null; limit: number; applied?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PriceImportChange[]> {
    const query = contextKnex(sharedContext)("b2b_price_import_row")
      .where({ import_id: input.import_id })
      .whereIn("action", input.actions)
      .orderBy("id")
      .limit(input.limit)
      .select(contextKnex(sharedContext).raw(ROW_COLUMNS))
    if (input.after) {
      query.where("id", ">", input.after)
    }
    if (input.applied !== undefined) {
      query.where({ applied: input.applied })
    }
    return query
  }

  /** Records rows as applied (with the price each created) or, on a rollback, as not applied. */
  @InjectManager()
  async markRowsApplied(
    input: { import_id: string; applied: boolean; rows: { id: string; price_id?: string | null }[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!input.rows.length) {
      return
    }
    await contextKnex(sharedContext).raw(
      MARK_APPLIED_SQL,
      sqlBindings(
        input.applied,
        input.rows.map((r) => r.id),
        input.rows.map((r) => r.price_id ?? null),
        input.import_id
      )
    )
  }

  /** Records rolled-back rows as not applied; an added row forgets the price it had created (deleted by the rollback). */
  @InjectManager()
  async markRowsRolledBack(input: { import_id: string; ids: string[] }, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!input.ids.length) {
      return
    }
    await contextKnex(sharedContext).raw(
      `update b2b_price_import_row set applied = false, price_id = case when action = 'add' then null else price_id end, updated_at = now()
       where import_id = ? and id = any(?::text[])`,
      sqlBindings(input.import_id, input.ids)
    )
  }

  /**
   * Saves an import's progress and outcome in one statement (counts, first errors, status...),
   * so what the admin polls is always consistent. Columns come from the typed patch only.
   */
  @InjectManager()
  async savePriceImportProgress(id: string, patch: PriceImportProgressPatch, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const { errors, ...rest } = patch
    const columns = Object.fromEntries(Object.entries(rest).filter(([key, value]) => value !== undefined && PROGRESS_COLUMNS.has(key)))
    await contextKnex(sharedContext)("b2b_price_import")
      .where({ id })
      .update({ ...columns, ...(errors === undefined ? {} : { errors: JSON.stringify(errors) }), updated_at: new Date() })
  }

  /**
   * Where an employee stands against their spending limit now: the limit, the current period
   * (UTC), spent in it net of refunds and remaining. `orders` are the employee's orders of that
   * period in the limit's currency, not canceled (read by the caller, which has the query graph).
   * No limit: null, spending is unlimited.
   */
  spendingInPeriod(employee: SpendingLimit, orders: SpendingOrder[], now: Date = new Date()): SpendingStatus | null {
    return spendingStatus(employee, orders, now)
  }

  /** Refuses a cart that would take the employee over their limit (or is in another currency than it). */
  assertWithinSpendingLimit(status: SpendingStatus | null, cart: { total: BigNumberInput; currency_code: string }): void {
    const violation = status ? spendingLimitViolation(status, cart) : null
    if (violation) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, violation)
    }
  }

  private async lockCompanies_(knex: Knex, companyIds: string[]) {
    for (const id of [...new Set(companyIds)].sort()) {
      await knex.raw(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`b2b.company-contracts:${id}`])
    }
  }

  private async findOverlap_(knex: Knex, period: ContractPeriod) {
    if (period.status !== "active") {
      return null
    }
    const { rows } = await knex.raw(
      `select id, title, company_id, status, valid_from, valid_to from b2b_contract
       where deleted_at is null and company_id = ? and status = 'active' and id <> ?
         and valid_from <= coalesce(?::timestamptz, 'infinity') and coalesce(valid_to, 'infinity') >= ?
       order by valid_from limit 1`,
      sqlBindings(period.company_id, period.id ?? "", period.valid_to, period.valid_from)
    )
    return (rows[0] as (ContractPeriod & { title: string }) | undefined) ?? null
  }

  private async assertNoOverlap_(knex: Knex, period: ContractPeriod) {
    const other = await this.findOverlap_(knex, period)
    if (other) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `valid_from / valid_to: ${day(period.valid_from)} – ${day(period.valid_to)} overlaps the active contract "${other.title}" (${other.id}, ` +
          `${day(new Date(other.valid_from))} – ${day(other.valid_to ? new Date(other.valid_to) : null)}) of this company; ` +
          `a company has one active contract at a time: end or cancel that one first, or choose other dates`
      )
    }
  }
}

export default B2bModuleService
