import type { Context } from "@medusajs/framework/types"
import { createHash } from "node:crypto"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { contextKnex, transactionKnex } from "../../lib/module-knex"
import { CoPurchaseMonth, CoPurchaseMonthCount, CoPurchasePair, CoPurchaseRun, PropensityModel, PropensityScore, UpgradePath } from "./models"
import { fitLogistic } from "./utils/logistic-model"
import { EVALUATION_SQL, FEATURE_NAMES, FEATURES_SQL } from "./utils/propensity-sql"
import {
  CO_PURCHASE_DEFAULTS,
  OFFER_DEFAULTS,
  PROPENSITY_DEFAULTS,
  type ResolvedOfferOptions,
  type PropensityTarget,
  type PropensityTrainingResult,
  type ResolvedPropensityOptions,
  type CoPurchaseRow,
  type CoPurchaseRunSummary,
  type CoPurchaseScope,
  type InsightsOptions,
  type ResolvedCoPurchaseOptions,
} from "./types"
import { UPGRADE_OWNERS_SQL } from "./utils/upgrade-sql"
import {
  INSERT_COUNTED_MONTHS_SQL,
  INSERT_MONTH_COUNTS_SQL,
  ORDER_LINES_TO_COUNT_SQL,
  ORDER_MONTH_FINGERPRINTS_SQL,
  ORDER_SCOPE_FROM_MONTHS_SQL,
  PURCHASE_FACTS_FINGERPRINT_SQL,
  WINDOW_SCOPE_SQL,
} from "./utils/co-purchase-sql"

/** A UTC month (`YYYY-MM`) of the purchase facts and the fingerprint of its lines. */
type MonthFingerprint = { month: string; fingerprint: string }

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
class InsightsModuleService extends MedusaService({
  CoPurchasePair,
  CoPurchaseRun,
  CoPurchaseMonth,
  CoPurchaseMonthCount,
  UpgradePath,
  PropensityModel,
  PropensityScore,
}) {
  protected readonly coPurchaseOptions_: ResolvedCoPurchaseOptions
  protected readonly propensityOptions_: ResolvedPropensityOptions
  protected readonly offerOptions_: ResolvedOfferOptions

  constructor(container: Record<string, unknown>, options?: { insights?: InsightsOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.coPurchaseOptions_ = { ...CO_PURCHASE_DEFAULTS, ...(options?.insights?.coPurchase ?? {}) }
    this.propensityOptions_ = { ...PROPENSITY_DEFAULTS, ...(options?.insights?.propensity ?? {}) }
    const offers = options?.insights?.offers ?? {}
    this.offerOptions_ = {
      ...OFFER_DEFAULTS,
      ...offers,
      weights: { ...OFFER_DEFAULTS.weights, ...(offers.weights ?? {}) },
      enabled: { ...OFFER_DEFAULTS.enabled, ...(offers.enabled ?? {}) },
    }
    const o = this.coPurchaseOptions_
    if (!(o.minSupport >= 0 && o.minSupport < 1)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `insights.coPurchase.minSupport must be in [0, 1); got ${o.minSupport}`)
    }
    if (!/^\d+(kB|MB|GB)$/.test(o.workMem)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `insights.coPurchase.workMem must look like 256MB; got ${o.workMem}`)
    }
  }

  /** The store offers' weights and switches in force (defaults filled in). */
  getOfferOptions(): ResolvedOfferOptions {
    return this.offerOptions_
  }

  /**
   * "Often bought with what you own": for the customer's most recently bought products, the
   * related products (window scope, best lift) they do not own yet, best first.
   */
  @InjectManager()
  async listCoPurchaseOffersFor(input: { customer_id: string; limit: number }, @MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    const { rows } = await knex.raw(
      `with owned as (
         select product_id, max(last_purchased_at) as last_at from customer_product_fact
         where customer_id = :customer_id and product_id is not null and quantity > 0 and deleted_at is null
         group by product_id order by max(last_purchased_at) desc limit 20
       )
       select distinct on (p.related_key) p.product_key, p.related_key, p.pair_count, p.confidence, p.lift
       from owned o
       join insights_co_purchase_pair p on p.scope = 'window' and p.product_key = o.product_id and p.deleted_at is null and p.lift > 1
       where p.related_key like 'prod%'
         and not exists (select 1 from customer_product_fact c where c.customer_id = :customer_id and c.product_id = p.related_key and c.quantity > 0)
       order by p.related_key, p.lift desc`,
      { customer_id: input.customer_id }
    )
    return (rows as { product_key: string; related_key: string; pair_count: number; confidence: number; lift: number }[])
      .sort((a, b) => b.lift - a.lift || a.related_key.localeCompare(b.related_key))
      .slice(0, input.limit)
  }

  /**
   * How far the customer is from the next loyalty tier above theirs, on the tiers' own rule: points
   * earned net of reversals (basis "points") or net spend in the tier's currency (basis "spend")
   * over the last 12 months. Null when there is no higher active tier.
   */
  @InjectManager()
  async nextTierProgress(input: { customer_id: string; now?: Date }, @MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    const { rows } = await knex.raw(
      `with account as (
         select a.id, a.tier_id, coalesce((select t.rank from loyalty_tier t where t.id = a.tier_id), -1) as rank
         from loyalty_account a where a.customer_id = :customer_id and a.deleted_at is null
       ),
       next_tier as (
         select t.* from loyalty_tier t, account a
         where t.is_active and t.deleted_at is null and t.rank > a.rank order by t.rank asc limit 1
       )
       select n.id, n.name, n.basis, n.threshold::float8 as threshold, n.currency_code,
         case when n.basis = 'points' then
           coalesce((select sum(x.points) from points_transaction x, account a where x.account_id = a.id and x.deleted_at is null
             and x.type in ('earn', 'reverse') and x.occurred_at > :since and x.occurred_at <= :now), 0)::float8
         else
           coalesce((select sum(o.net_total) from order_fact o where o.customer_id = :customer_id and o.deleted_at is null
             and o.currency_code = n.currency_code and o.placed_at > :since and o.placed_at <= :now), 0)::float8
         end as progress
       from next_tier n`,
      { customer_id: input.customer_id, now: input.now ?? new Date(), since: new Date((input.now ?? new Date()).getTime() - 365 * 86_400_000) }
    )
    const row = rows[0] as { id: string; name: string; basis: "points" | "spend"; threshold: number; currency_code: string | null; progress: number } | undefined
    return row ? { tier_id: row.id, name: row.name, basis: row.basis, threshold: row.threshold, currency_code: row.currency_code, progress: row.progress, remaining: Math.max(0, row.threshold - row.progress) } : null
  }

  /** The co-purchase settings in force (defaults filled in). */
  getCoPurchaseOptions(): ResolvedCoPurchaseOptions {
    return this.coPurchaseOptions_
  }

  /**
   * Recomputes one scope's pairs from the purchase facts, replacing the old ones in the same
   * transaction (readers see the old pairs until it commits). The order scope is incremental: only
   * the months whose facts changed are recounted, the measures come from all months' counts; the
   * window scope (a customer's pairs span months) is counted whole in one statement. Skipped, unless `force`,
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
    // The order scope's month fingerprints are its facts' fingerprint too: one scan, not two.
    const months: MonthFingerprint[] | null = input.scope === "order" ? (await knex.raw(ORDER_MONTH_FINGERPRINTS_SQL)).rows : null
    const fingerprint: string = months
      ? `months:${createHash("md5").update(months.map((m) => `${m.month}=${m.fingerprint}`).sort().join(";")).digest("hex")}`
      : (await knex.raw(PURCHASE_FACTS_FINGERPRINT_SQL)).rows[0].fingerprint
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
      return {
        scope: input.scope,
        skipped: true,
        basket_count: last.basket_count,
        pair_rows: last.pair_rows,
        months_recounted: input.scope === "order" ? 0 : null,
        duration_ms: 0,
        computed_at: new Date(last.computed_at),
      }
    }
    await knex("insights_co_purchase_pair").where({ scope: input.scope }).delete()
    const common = { min_pair_count: o.minPairCount, min_support: o.minSupport, computed_at: now }
    let pairRows: number
    let basketCount: number
    let monthsRecounted: number | null = null
    if (input.scope === "order") {
      // Counts kept under other settings (basket size cap) or asked to be redone are recounted whole.
      const recountAll = !!input.force || !last || last.max_basket_items !== settings.max_basket_items
      monthsRecounted = await this.recountOrderMonths_(knex, { current: months!, all: recountAll, max_basket_items: o.maxBasketItems })
      pairRows = (await knex.raw(ORDER_SCOPE_FROM_MONTHS_SQL, common)).rowCount ?? 0
      const { rows: total } = await knex.raw(`select coalesce(sum(basket_count), 0)::int as n from insights_co_purchase_month where deleted_at is null`)
      basketCount = total[0].n
    } else {
      pairRows = (await knex.raw(WINDOW_SCOPE_SQL, { ...common, max_customer_events: o.maxCustomerEvents, window_days: o.windowDays })).rowCount ?? 0
      const { rows: counted } = await knex.raw(
        `select count(*)::int as n from (select 1 from purchase_fact p where p.deleted_at is null and p.net_quantity > 0
           and (p.product_id is not null or p.sku is not null) group by p.customer_id
           having count(distinct (coalesce(p.product_id, 'sku:' || p.sku), (p.placed_at at time zone 'UTC')::date)) <= :cap::int) b`,
        { cap: settings.max_basket_items }
      )
      basketCount = counted[0].n
    }
    const summary: CoPurchaseRunSummary = {
      scope: input.scope,
      skipped: false,
      basket_count: basketCount,
      pair_rows: pairRows,
      months_recounted: monthsRecounted,
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
   * Brings the order scope's monthly counts up to date: months whose purchase facts changed since
   * they were counted (or every month, with `all`) are recounted, months without facts any more
   * dropped. Returns how many months were recounted.
   */
  private async recountOrderMonths_(knex: Knex, input: { current: MonthFingerprint[]; all: boolean; max_basket_items: number }): Promise<number> {
    const current = input.current
    const counted = new Map<string, string>(
      input.all
        ? []
        : ((await knex("insights_co_purchase_month").whereNull("deleted_at").select("month", "fingerprint")) as { month: string; fingerprint: string }[]).map(
            (m) => [m.month, m.fingerprint]
          )
    )
    const stale = current.filter((m) => counted.get(m.month) !== m.fingerprint)
    const live = new Set(current.map((m) => m.month))
    const dropped = input.all ? null : [...counted.keys()].filter((m) => !live.has(m))
    const cleared = input.all ? null : [...stale.map((m) => m.month), ...dropped!]
    if (cleared === null) {
      await knex.raw(`delete from insights_co_purchase_month_count`)
      await knex.raw(`delete from insights_co_purchase_month`)
    } else if (cleared.length) {
      await knex.raw(`delete from insights_co_purchase_month_count where month = any(?::text[])`, [cleared])
      await knex.raw(`delete from insights_co_purchase_month where month = any(?::text[])`, [cleared])
    }
    if (stale.length) {
      const months = stale.map((m) => m.month)
      await knex.raw(ORDER_LINES_TO_COUNT_SQL, { all: input.all, months, max_basket_items: input.max_basket_items })
      await knex.raw(`analyze co_purchase_lines`)
      await knex.raw(INSERT_MONTH_COUNTS_SQL)
      await knex.raw(INSERT_COUNTED_MONTHS_SQL, { months, fingerprints: stale.map((m) => m.fingerprint) })
      await knex.raw(`drop table co_purchase_lines`)
    }
    return stale.length
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

  /**
   * Refuses a second active path from the same product and variant (one successor each); `except`
   * are paths being changed, checked as they will be stored.
   */
  @InjectManager()
  async assertOneSuccessor(
    paths: { id?: string; product_id: string; variant_id: string | null; is_active: boolean }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const knex = contextKnex(sharedContext)
    const active = paths.filter((p) => p.is_active)
    const seen = new Set<string>()
    for (const path of active) {
      const key = `${path.product_id}|${path.variant_id ?? ""}`
      if (seen.has(key)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `product_id: two active upgrade paths from product ${path.product_id}${path.variant_id ? ` variant ${path.variant_id}` : ""}`)
      }
      seen.add(key)
      const clash = await knex("insights_upgrade_path")
        .whereNull("deleted_at")
        .where({ is_active: true, product_id: path.product_id })
        .andWhereRaw("coalesce(variant_id, '') = ?", [path.variant_id ?? ""])
        .whereNotIn("id", paths.map((p) => p.id).filter((id): id is string => !!id))
        .first("id")
      if (clash) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${path.variant_id ? "variant_id" : "product_id"}: upgrade path ${clash.id} already leads from this ${path.variant_id ? "variant" : "product"}; deactivate or change it first`
        )
      }
    }
  }

  /**
   * Owners of the predecessor without the successor, per path: a page of them (keyset by
   * customer id) and how many there are in all.
   */
  @InjectManager()
  async listUpgradeOwners(
    input: { upgrade_path_id: string; limit?: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customers: { customer_id: string; owned_since: Date }[]; count: number }> {
    const knex = contextKnex(sharedContext)
    const bindings = { path_ids: [input.upgrade_path_id], customer_ids: null }
    const { rows: counted } = await knex.raw(`select count(*)::int as n from (${UPGRADE_OWNERS_SQL}) o`, bindings)
    const { rows } = await knex.raw(
      `select o.customer_id, o.owned_since from (${UPGRADE_OWNERS_SQL}) o where o.customer_id > :after order by o.customer_id limit :limit`,
      { ...bindings, after: input.after ?? "", limit: input.limit ?? 100 }
    )
    return { customers: rows, count: counted[0].n }
  }

  /** The active upgrade paths whose predecessor a customer owns and whose successor they do not. */
  @InjectManager()
  async listUpgradesFor(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    const { rows } = await knex.raw(
      `select up.id, up.product_id, up.variant_id, up.successor_product_id, up.successor_variant_id, up.edition, o.owned_since
       from (${UPGRADE_OWNERS_SQL}) o join insights_upgrade_path up on up.id = o.upgrade_path_id
       order by o.owned_since asc, up.id`,
      { path_ids: null, customer_ids: [customerId] }
    )
    return rows as {
      id: string
      product_id: string
      variant_id: string | null
      successor_product_id: string
      successor_variant_id: string | null
      edition: string | null
      owned_since: Date
    }[]
  }

  /**
   * Trains, checks and applies one propensity model, in one transaction:
   * 1. features of every customer as of `now − 2 × horizon` (FEATURES_SQL), label = bought the
   *    target in the horizon after it; a stable hash sample of them fits a logistic regression
   *    (ml-logistic-regression, here in the process);
   * 2. held out: features as of `now − horizon`, label = bought in the last horizon: AUC and lift
   *    in the top 10 %, computed in SQL on scores computed in SQL;
   * 3. every customer scored on today's features and ranked into insights_propensity_score
   *    (for a metadata target, customers who already have the flag are left out).
   * Returns `failed` with the reason, storing nothing else, when the training period has too few
   * buyers or non-buyers to learn from.
   */
  @InjectTransactionManager()
  async trainPropensityModel(input: { model_id: string; now?: Date }, @MedusaContext() sharedContext: Context = {}): Promise<PropensityTrainingResult> {
    const knex = transactionKnex(sharedContext)
    const started = Date.now()
    const o = this.propensityOptions_
    const model = await knex("insights_propensity_model").where({ id: input.model_id }).whereNull("deleted_at").first()
    if (!model) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Propensity model with id "${input.model_id}" not found`)
    }
    await knex.raw(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`insights:propensity:${model.id}`])
    await knex.raw(`select set_config('work_mem', ?, true)`, [this.coPurchaseOptions_.workMem])
    const target = model.target as PropensityTarget
    const targets: string[] = model.target_product_ids ?? []
    const { rows: relatedRows } = await knex.raw(
      `select related_key from (
         select related_key, max(lift) as lift from insights_co_purchase_pair
         where scope = 'window' and deleted_at is null and product_key = any(:targets::text[]) and not (related_key = any(:targets::text[]))
         group by related_key order by max(lift) desc, related_key limit :limit) r`,
      { targets, limit: o.relatedProducts }
    )
    const related = relatedRows.map((r: { related_key: string }) => r.related_key)
    const now = input.now ?? new Date()
    const horizon = model.horizon_days * 86_400_000
    const trainAt = new Date(now.getTime() - 2 * horizon)
    const cutAt = new Date(now.getTime() - horizon)
    const common = { targets, related, metadata_key: target.metadata_key ?? null, metadata_value: target.metadata_value ?? null }
    await knex.raw(`create temp table insights_f_train on commit drop as ${FEATURES_SQL}`, { ...common, as_of: trainAt, label_until: cutAt })
    await knex.raw(`create temp table insights_f_hold on commit drop as ${FEATURES_SQL}`, { ...common, as_of: cutAt, label_until: now })
    const { rows: counts } = await knex.raw(`select count(*) filter (where label)::int as p, count(*) filter (where not label)::int as n from insights_f_train`)
    if (counts[0].p < o.minPositives || counts[0].n < o.minPositives) {
      return {
        status: "failed",
        failure: `target: ${counts[0].p} of ${counts[0].p + counts[0].n} customers bought it in the ${model.horizon_days} days after ${trainAt.toISOString().slice(0, 10)}; at least ${o.minPositives} buyers and non-buyers are needed to learn from`,
      }
    }
    const moments = FEATURE_NAMES.map((f) => `avg(${f})::float8 as m_${f}, coalesce(stddev_pop(${f}), 0)::float8 as s_${f}`).join(", ")
    const { rows: stats } = await knex.raw(`select ${moments} from insights_f_train`)
    const means = FEATURE_NAMES.map((f) => Number(stats[0][`m_${f}`]))
    const sds = FEATURE_NAMES.map((f) => Number(stats[0][`s_${f}`]))
    const { rows: sample } = await knex.raw(
      `select ${FEATURE_NAMES.join(", ")}, label from insights_f_train order by md5(customer_id || :seed) limit :limit`,
      { seed: model.id, limit: o.maxTrainingRows }
    )
    const fit = fitLogistic(
      sample.map((r: Record<string, number>) => FEATURE_NAMES.map((f) => Number(r[f]))),
      sample.map((r: { label: boolean }) => r.label),
      { steps: o.steps, learningRate: o.learningRate, means, sds }
    )
    const { expression, bindings } = scoreExpression(fit.weights, means, sds)
    await knex.raw(`create temp table scored on commit drop as select label, ${expression} as score from insights_f_hold`, bindings)
    const { rows: evaluation } = await knex.raw(EVALUATION_SQL)
    await knex.raw(`drop table scored`)
    const { rows: holdout } = await knex.raw(`select count(*)::int as rows, count(*) filter (where label)::int as positives from insights_f_hold`)
    await knex("insights_propensity_score").where({ model_id: model.id }).delete()
    const scoredNow = await knex.raw(
      `with f as (${FEATURES_SQL}),
       s as (select f.customer_id, ${expression} as score from f where ${target.metadata_key ? "not f.label" : "true"})
       insert into insights_propensity_score (id, model_id, customer_id, score, rank, created_at, updated_at)
       select 'ipsc_' || replace(gen_random_uuid()::text, '-', ''), :model_id, s.customer_id, s.score,
         row_number() over (order by s.score desc, s.customer_id), now(), now()
       from s`,
      { ...common, ...bindings, as_of: now, label_until: now, model_id: model.id }
    )
    const result: PropensityTrainingResult = {
      status: "completed",
      auc: evaluation[0].auc === null ? null : Number(evaluation[0].auc),
      lift_top_decile: evaluation[0].lift_top_decile === null ? null : Number(evaluation[0].lift_top_decile),
      train_rows: counts[0].p + counts[0].n,
      train_positives: counts[0].p,
      holdout_rows: holdout[0].rows,
      holdout_positives: holdout[0].positives,
      scored_count: scoredNow.rowCount ?? 0,
      duration_ms: Date.now() - started,
    }
    await knex("insights_propensity_model")
      .where({ id: model.id })
      .update({
        status: "completed",
        failure: null,
        features: JSON.stringify({ names: FEATURE_NAMES, means, sds, related_product_ids: related, sample_rows: sample.length }),
        weights: JSON.stringify(fit.weights),
        auc: result.auc,
        lift_top_decile: result.lift_top_decile,
        train_rows: result.train_rows,
        train_positives: result.train_positives,
        holdout_rows: result.holdout_rows,
        holdout_positives: result.holdout_positives,
        scored_count: result.scored_count,
        cut_at: cutAt,
        trained_at: now,
        updated_at: new Date(),
      })
    return result
  }

  /** The last computation of each scope. */
  @InjectManager()
  async listCoPurchaseComputations(@MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    return knex("insights_co_purchase_run").whereNull("deleted_at").orderBy("scope").select("*")
  }
}

/**
 * The fitted model as one SQL expression over the feature columns of FEATURES_SQL: the logistic
 * of the intercept plus each weight times the standardised feature. Column names come from
 * FEATURE_NAMES; every number is a binding.
 */
function scoreExpression(weights: number[], means: number[], sds: number[]) {
  const bindings: Record<string, number> = { w0: weights[0] }
  const terms = FEATURE_NAMES.map((f, i) => {
    if (!(sds[i] > 0)) return null
    bindings[`w_${f}`] = weights[i + 1]
    bindings[`m_${f}`] = means[i]
    bindings[`s_${f}`] = sds[i]
    return `:w_${f}::float8 * ((${f} - :m_${f}::float8) / :s_${f}::float8)`
  }).filter(Boolean)
  return { expression: `(1 / (1 + exp(-(:w0::float8 + ${terms.join(" + ") || "0"}))))`, bindings }
}

export default InsightsModuleService
