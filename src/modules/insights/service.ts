import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { contextKnex, transactionKnex } from "../../lib/module-knex"
import { CoPurchasePair, CoPurchaseRun } from "./models"
import {
  CO_PURCHASE_DEFAULTS,
  type CoPurchaseRow,
  type CoPurchaseRunSummary,
  type CoPurchaseScope,
  type InsightsOptions,
  type ResolvedCoPurchaseOptions,
} from "./types"
import { ORDER_SCOPE_SQL, PURCHASE_FACTS_FINGERPRINT_SQL, WINDOW_SCOPE_SQL } from "./utils/co-purchase-sql"

const CO_PURCHASE_COLUMNS = [
  "product_key",
  "related_key",
  "pair_count",
  "product_count",
  "related_count",
  "basket_count",
  "support",
  "confidence",
  "lift",
] as const

/**
 * Insights over the customer facts: what sells together (co-purchase pairs computed in SQL).
 * Every computation is set-based in PostgreSQL; only its summary comes back to the process.
 */
class InsightsModuleService extends MedusaService({ CoPurchasePair, CoPurchaseRun }) {
  protected readonly coPurchaseOptions_: ResolvedCoPurchaseOptions

  constructor(container: Record<string, unknown>, options?: { insights?: InsightsOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.coPurchaseOptions_ = { ...CO_PURCHASE_DEFAULTS, ...(options?.insights?.coPurchase ?? {}) }
    const o = this.coPurchaseOptions_
    if (!(o.minSupport >= 0 && o.minSupport < 1)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `insights.coPurchase.minSupport must be in [0, 1); got ${o.minSupport}`)
    }
    if (!/^\d+(kB|MB|GB)$/.test(o.workMem)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `insights.coPurchase.workMem must look like 256MB; got ${o.workMem}`)
    }
  }

  /** The co-purchase settings in force (defaults filled in). */
  getCoPurchaseOptions(): ResolvedCoPurchaseOptions {
    return this.coPurchaseOptions_
  }

  /**
   * Recomputes one scope's pairs from the purchase facts in one statement, replacing the old ones
   * in the same transaction (readers see the old pairs until it commits). Skipped, unless `force`,
   * when neither the facts nor the settings changed since the last run. Two runs of a scope at
   * once wait for each other on an advisory lock; the second then finds nothing changed.
   */
  @InjectTransactionManager()
  async computeCoPurchases(
    input: { scope: CoPurchaseScope; force?: boolean; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CoPurchaseRunSummary> {
    const knex = transactionKnex(sharedContext)
    const o = this.coPurchaseOptions_
    const started = Date.now()
    const now = input.now ?? new Date()
    await knex.raw(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`insights:co-purchase:${input.scope}`])
    await knex.raw(`select set_config('work_mem', ?, true)`, [o.workMem])
    const { rows: fp } = await knex.raw(PURCHASE_FACTS_FINGERPRINT_SQL)
    const fingerprint: string = fp[0].fingerprint
    const windowDays = input.scope === "window" ? o.windowDays : null
    const settings = { min_support: o.minSupport, min_pair_count: o.minPairCount, window_days: windowDays, max_basket_items: input.scope === "order" ? o.maxBasketItems : o.maxCustomerEvents }
    const last = await knex("insights_co_purchase_run").where({ scope: input.scope }).whereNull("deleted_at").first()
    const unchanged =
      last &&
      last.facts_fingerprint === fingerprint &&
      last.min_support === settings.min_support &&
      last.min_pair_count === settings.min_pair_count &&
      last.window_days === settings.window_days &&
      last.max_basket_items === settings.max_basket_items
    if (unchanged && !input.force) {
      return { scope: input.scope, skipped: true, basket_count: last.basket_count, pair_rows: last.pair_rows, duration_ms: 0, computed_at: new Date(last.computed_at) }
    }
    await knex("insights_co_purchase_pair").where({ scope: input.scope }).delete()
    const common = { min_pair_count: o.minPairCount, min_support: o.minSupport, computed_at: now }
    const result =
      input.scope === "order"
        ? await knex.raw(ORDER_SCOPE_SQL, { ...common, max_basket_items: o.maxBasketItems })
        : await knex.raw(WINDOW_SCOPE_SQL, { ...common, max_customer_events: o.maxCustomerEvents, window_days: o.windowDays })
    const pairRows = result.rowCount ?? 0
    const { rows: counted } = await knex.raw(
      input.scope === "order"
        ? `select count(*)::int as n from (select 1 from purchase_fact p where p.deleted_at is null and p.net_quantity > 0
             and (p.product_id is not null or p.sku is not null) group by p.source, p.order_key
             having count(distinct coalesce(p.product_id, 'sku:' || p.sku)) <= :cap::int) b`
        : `select count(*)::int as n from (select 1 from purchase_fact p where p.deleted_at is null and p.net_quantity > 0
             and (p.product_id is not null or p.sku is not null) group by p.customer_id
             having count(distinct (coalesce(p.product_id, 'sku:' || p.sku), (p.placed_at at time zone 'UTC')::date)) <= :cap::int) b`,
      { cap: settings.max_basket_items }
    )
    const summary: CoPurchaseRunSummary = {
      scope: input.scope,
      skipped: false,
      basket_count: counted[0].n,
      pair_rows: pairRows,
      duration_ms: Date.now() - started,
      computed_at: now,
    }
    await knex.raw(
      `insert into insights_co_purchase_run
         (id, scope, min_support, min_pair_count, window_days, max_basket_items, basket_count, pair_rows, facts_fingerprint, duration_ms, computed_at, created_at, updated_at)
       values ('icpr_' || replace(gen_random_uuid()::text, '-', ''), :scope, :min_support, :min_pair_count, :window_days, :max_basket_items,
         :basket_count, :pair_rows, :fingerprint, :duration_ms, :computed_at, now(), now())
       on conflict (scope) do update set
         min_support = excluded.min_support, min_pair_count = excluded.min_pair_count, window_days = excluded.window_days,
         max_basket_items = excluded.max_basket_items, basket_count = excluded.basket_count, pair_rows = excluded.pair_rows,
         facts_fingerprint = excluded.facts_fingerprint, duration_ms = excluded.duration_ms, computed_at = excluded.computed_at, updated_at = now()`,
      { scope: input.scope, ...settings, basket_count: summary.basket_count, pair_rows: pairRows, fingerprint, duration_ms: summary.duration_ms, computed_at: now }
    )
    return summary
  }

  /**
   * What is bought with a product, best lift first (ties: more baskets first): "promote together
   * with X" for the admin, "customers also bought" for the store.
   */
  @InjectManager()
  async listCoPurchases(
    input: { product_key: string; scope: CoPurchaseScope; limit?: number; offset?: number; min_lift?: number; related_prefix?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ items: CoPurchaseRow[]; count: number }> {
    const knex = contextKnex(sharedContext)
    const base = knex("insights_co_purchase_pair")
      .where({ scope: input.scope, product_key: input.product_key })
      .whereNull("deleted_at")
      .andWhere("lift", ">=", input.min_lift ?? 0)
    if (input.related_prefix) {
      base.andWhereLike("related_key", `${input.related_prefix}%`)
    }
    const [{ count }] = await base.clone().count<{ count: string }[]>("* as count")
    const items: CoPurchaseRow[] = await base
      .clone()
      .orderBy([
        { column: "lift", order: "desc" },
        { column: "pair_count", order: "desc" },
        { column: "related_key", order: "asc" },
      ])
      .limit(input.limit ?? 20)
      .offset(input.offset ?? 0)
      .select(...CO_PURCHASE_COLUMNS)
    return { items, count: Number(count) }
  }

  /** The last computation of each scope. */
  @InjectManager()
  async listCoPurchaseComputations(@MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    return knex("insights_co_purchase_run").whereNull("deleted_at").orderBy("scope").select("*")
  }
}

export default InsightsModuleService
