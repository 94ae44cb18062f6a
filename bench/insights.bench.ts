/**
 * Insights at scale (issue 7: "co-purchase job and propensity scoring at 100k and 1M customers
 * (wall time, peak RSS); offers route p50/p95").
 *
 * At every size in BENCH_SIZES (customers; the segments bench's facts: ~10 purchased lines each,
 * the three demo cases mixed, imported history ending on 2025-06-01), in schema
 * retention_bench_insights_<size> (bench/lib/insights/load.ts) with the real insights, reminders and
 * loyalty-points services:
 * - co-purchase: the job's computation of each scope (forced: every month of the order scope
 *   recounted; the window scope in one statement), beside a bare count over purchase_fact (the
 *   least any SQL approach reads); then the order scope's nightly run after a day of new orders
 *   (one customer in a thousand orders again): only that month is recounted;
 * - propensity: one model for the product most bought in the last 30 days: training-period and
 *   held-out features, fit (ml-logistic-regression in this process), evaluation and the scoring of
 *   every customer, beside the bare features query of one cut date;
 * - offers: `collectCustomerOffers` (the store route's work without HTTP, auth and the product
 *   titles query) for random customers, beside the reminders summary alone (one of its reads).
 * Peak RSS is this process's and, where watched, its PostgreSQL backends'.
 */
import { benchDatabaseUrl, benchSizes } from "./lib/env"
import { defineBench, type BenchCase, type BenchContext } from "./lib/harness"
import { loadInsights, type InsightsLoad } from "./lib/insights/load"
import { FACTS_LOAD } from "./lib/reminders/load"
import { REMINDERS_MODULE } from "../src/modules/reminders"
import type RemindersModuleService from "../src/modules/reminders/service"
import { FEATURES_SQL } from "../src/modules/insights/utils/propensity-sql"
import { collectCustomerOffers } from "../src/workflows/insights/steps/collect-customer-offers"
import { SeededRandom } from "../src/scripts/demo-data/random"

const NOW = FACTS_LOAD.anchor
const OFFER_RUNS = Number(process.env.INSIGHTS_BENCH_OFFER_RUNS ?? 200)
const sizes = benchSizes()
const notes: string[] = []
const log = (line: string) => process.stderr.write(`  [insights] ${line}\n`)
const fmt = (n: number) => n.toLocaleString("en-US")

let current: { size: number; load: InsightsLoad; sample: string[]; target: string } | null = null

async function stateFor(size: number) {
  if (current?.size === size) return current
  await current?.load.shutdown()
  current = null
  const load = await loadInsights(benchDatabaseUrl(), size, log)
  const { rows: sampleRows } = await load.client.query<{ customer_id: string }>(
    "SELECT customer_id FROM customer_fact WHERE order_count > 0 ORDER BY md5(customer_id) LIMIT $1",
    [OFFER_RUNS + 20]
  )
  const { rows: top } = await load.client.query<{ product_id: string; buyers: number }>(
    `SELECT product_id, count(DISTINCT customer_id)::int AS buyers FROM purchase_fact
     WHERE product_id IS NOT NULL AND placed_at > $1::timestamptz - interval '30 days' AND placed_at <= $1::timestamptz
     GROUP BY product_id ORDER BY buyers DESC, product_id LIMIT 2`,
    [NOW]
  )
  // An upgrade path between the two best sellers, so the offers read a real one.
  await load.insights.createUpgradePaths([{ product_id: top[1].product_id, successor_product_id: top[0].product_id }])
  current = { size, load, sample: sampleRows.map((r) => r.customer_id), target: top[0].product_id }
  notes.push(
    `@ ${fmt(size)}: facts schema ${load.facts.schema} (${fmt(load.facts.customers)} customers, ${fmt(load.facts.lines)} lines${load.facts.reused ? ", reused" : ", loaded now"}); ` +
      `propensity target ${top[0].product_id} (${fmt(top[0].buyers)} buyers in the last 30 days)`
  )
  return current
}

async function watchBackends(context: BenchContext, load: InsightsLoad) {
  for (const pid of await load.backendPids()) context.watchPid(pid)
}

/** One customer in a thousand orders again in a day. */
const newOrderCustomers = (size: number) => Math.max(1, Math.round(size / 1000))

/** A day of new orders: every order of the first customers (by id) again, placed the day before the anchor. */
async function addDayOfOrders(load: InsightsLoad, size: number): Promise<number> {
  const { rowCount } = await load.client.query(
    `INSERT INTO purchase_fact (id, source, order_key, line_key, customer_id, placed_at, currency_code, product_id, variant_id, sku,
       quantity, refunded_quantity, net_quantity, unit_amount, net_amount, raw_unit_amount, raw_net_amount, created_at, updated_at)
     SELECT 'pf_day_' || p.id, p.source, 'day-' || p.order_key, p.line_key, p.customer_id, $1::timestamptz - interval '1 day', p.currency_code,
       p.product_id, p.variant_id, p.sku, p.quantity, p.refunded_quantity, p.net_quantity, p.unit_amount, p.net_amount, p.raw_unit_amount,
       p.raw_net_amount, now(), now()
     FROM purchase_fact p
     WHERE p.customer_id IN (SELECT customer_id FROM customer_fact ORDER BY customer_id LIMIT $2) AND p.deleted_at IS NULL`,
    [NOW, newOrderCustomers(size)]
  )
  return rowCount ?? 0
}

async function removeDayOfOrders(load: InsightsLoad): Promise<void> {
  await load.client.query(`DELETE FROM purchase_fact WHERE id LIKE 'pf\\_day\\_%'`)
}

function casesFor(size: number): BenchCase[] {
  const random = new SeededRandom(size)
  const pick = () => current!.sample[random.int(0, current!.sample.length - 1)]
  return [
    {
      case: "count(*) over purchase_fact (baseline)",
      size,
      group: "co-purchase",
      baseline: true,
      iterations: 3,
      fn: async () => {
        const s = await stateFor(size)
        const { rows } = await s.load.client.query<{ n: number }>("SELECT count(*)::int AS n FROM purchase_fact")
        return { rows: rows[0].n }
      },
    },
    ...(["order", "window"] as const).map(
      (scope): BenchCase => ({
        case: `co-purchase job, ${scope} scope (forced: ${scope === "order" ? "every month" : "one SQL statement"})`,
        size,
        group: "co-purchase",
        iterations: 1,
        fn: async (context) => {
          const s = await stateFor(size)
          await watchBackends(context, s.load)
          const run = await s.load.insights.computeCoPurchases({ scope, force: true })
          return { rows: run.pair_rows, extra: { baskets: run.basket_count, "pair rows": run.pair_rows } }
        },
      })
    ),
    {
      case: "co-purchase job, order scope after a day of new orders (incremental)",
      size,
      group: "co-purchase",
      iterations: 1,
      fn: async (context) => {
        const s = await stateFor(size)
        await watchBackends(context, s.load)
        const added = await addDayOfOrders(s.load, size)
        // The facts schema is the segments bench's, shared with the other benches: the day is taken out again.
        const run = await s.load.insights.computeCoPurchases({ scope: "order" }).finally(() => removeDayOfOrders(s.load))
        notes.push(`incremental @ ${fmt(size)}: ${fmt(added)} new lines (a copy of the orders of ${fmt(newOrderCustomers(size))} customers, placed the day before ${NOW.toISOString().slice(0, 10)}); ${run.months_recounted} month recounted`)
        return { rows: run.pair_rows, extra: { baskets: run.basket_count, "pair rows": run.pair_rows, "months recounted": run.months_recounted ?? 0, "new lines": added } }
      },
    },
    {
      case: "features of everyone at one cut date (baseline)",
      size,
      group: "propensity",
      baseline: true,
      iterations: 1,
      fn: async () => {
        const s = await stateFor(size)
        const { rows } = await s.load.knex.raw(`SELECT count(*)::int AS n FROM (${FEATURES_SQL}) f`, {
          as_of: NOW,
          label_until: NOW,
          targets: [s.target],
          related: [],
          metadata_key: null,
          metadata_value: null,
        })
        return { rows: rows[0].n }
      },
    },
    {
      case: "propensity model: train, evaluate, score everyone",
      size,
      group: "propensity",
      iterations: 1,
      fn: async (context) => {
        const s = await stateFor(size)
        await watchBackends(context, s.load)
        const model = await s.load.insights.createPropensityModels({ name: "bench", target: { product_ids: [s.target] }, target_product_ids: [s.target], horizon_days: 30 })
        const result = await s.load.insights.trainPropensityModel({ model_id: model.id, now: NOW })
        if (result.status !== "completed") {
          return { extra: { failure: result.failure } }
        }
        return {
          rows: result.scored_count,
          extra: {
            "held-out AUC": Math.round((result.auc ?? 0) * 1000) / 1000,
            "lift top 10%": Math.round((result.lift_top_decile ?? 0) * 100) / 100,
            "train rows": result.train_rows,
            "train buyers": result.train_positives,
          },
        }
      },
    },
    {
      case: "reminders summary of one customer (baseline)",
      size,
      group: "offers",
      baseline: true,
      iterations: OFFER_RUNS,
      warmup: 10,
      fn: async () => {
        const s = await stateFor(size)
        await s.load.container.resolve<RemindersModuleService>(REMINDERS_MODULE).summarizeCustomerReminders({ customer_id: pick(), recent: 0 })
      },
    },
    {
      case: "offers of one customer (collectCustomerOffers: 5 sources, ranked)",
      size,
      group: "offers",
      iterations: OFFER_RUNS,
      warmup: 10,
      fn: async () => {
        const s = await stateFor(size)
        const offers = await collectCustomerOffers(s.load.container, { customer_id: pick(), now: NOW })
        return { extra: { "offers (last)": offers.length } }
      },
    },
  ]
}

export default defineBench({
  name: "insights",
  description: "Co-purchase job, propensity training and scoring, store offers, over the customer facts",
  notes,
  cases: sizes.flatMap(casesFor),
  teardown: async () => {
    await current?.load.shutdown()
  },
})
