import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Churn risk bands over the ratio days since the last order ÷ expected gap: not yet due is low,
 * overdue is medium, two rhythms or more without an order is high.
 */
export const CHURN_RISK_HIGH_FROM = 2
export const CHURN_RISK_MEDIUM_ABOVE = 1

/** The (UTC) day a churn ratio is measured on: whole days, so facts rebuilt within one day agree. */
export const churnDay = (now: Date) => now.toISOString().slice(0, 10)

/** Each customer's own expected gap in days: the median of gaps between their consecutive distinct order days. */
export const ownGapsSql = (where: string) => `
  select customer_id, percentile_cont(0.5) within group (order by gap) as gap
  from (select customer_id, d - lag(d) over (partition by customer_id order by d) as gap
        from (select distinct customer_id, (placed_at at time zone 'UTC')::date as d from order_fact where ${where}) days) gaps
  where gap is not null
  group by customer_id`

/**
 * Sets expected gap, next order date, churn ratio and band of the customers `where` selects (on
 * `c`), from their orders and the stored store gap, as of `day`. Rows whose values are unchanged
 * are not written.
 */
export async function scoreOrderRhythm(knex: Knex, day: string, where: (column: string) => string, bindings: Knex.RawBinding[]): Promise<number> {
  const { rowCount } = await knex.raw(
    `with own as (${ownGapsSql(where("customer_id"))}),
     store_gap as (select median_gap_days::float8 as gap from store_order_gap where deleted_at is null order by computed_at desc limit 1),
     expected as (
       select c.id, c.last_order_at,
              case when c.order_count > 0 then round(coalesce(own.gap, (select gap from store_gap))::numeric, 2)::float8 end as gap,
              (?::date - (c.last_order_at at time zone 'UTC')::date) as days_since
       from customer_fact c left join own on own.customer_id = c.customer_id
       where ${where("c.customer_id")}),
     scored as (
       select id, gap, last_order_at + gap * interval '1 day' as next_at,
              round((days_since / nullif(gap, 0))::numeric, 2)::float8 as ratio
       from expected)
     update customer_fact cf
     set expected_order_gap_days = s.gap, expected_next_order_at = s.next_at, churn_risk_ratio = s.ratio,
         churn_risk = case when s.ratio is null then null
                           when s.ratio >= ${CHURN_RISK_HIGH_FROM} then 'high'
                           when s.ratio > ${CHURN_RISK_MEDIUM_ABOVE} then 'medium'
                           else 'low' end
     from scored s
     where cf.id = s.id
       and (cf.expected_order_gap_days is distinct from s.gap::real or cf.expected_next_order_at is distinct from s.next_at
            or cf.churn_risk_ratio is distinct from s.ratio::real)`,
    [...bindings, day, ...bindings]
  )
  return rowCount ?? 0
}

/** Recomputes the store's typical gap (median of repeat customers' own gaps) and stores it; null without repeat customers. */
export async function recomputeStoreOrderGap(knex: Knex, now: Date): Promise<number | null> {
  const {
    rows: [{ median, customers }],
  } = await knex.raw(`select percentile_cont(0.5) within group (order by gap) as median, count(*)::int as customers from (${ownGapsSql("true")}) own`)
  await knex.raw(`delete from store_order_gap`)
  if (median === null) {
    return null
  }
  await knex("store_order_gap").insert({ id: "sogap_store", median_gap_days: median, customers_sampled: customers, computed_at: now })
  return Number(median)
}
