import { COHORTS_CTE, MONTH_OFFSET_SQL } from "./cohort-retention"
import type { ManagementReport } from "./report"
import { monthLabel, utcMonth } from "./report"
import { reportKnex } from "./pg"
import type { CohortReportParams } from "./report"

export type LifetimeValueCohort = {
  cohort: string
  currency_code: string
  /** The cohort's customers who ever ordered in this currency: the denominator of its value. */
  customers: number
  /** Net revenue (after refunds) in the currency, all months so far. */
  revenue: string
  /** revenue / customers. */
  value_per_customer: string
  /** By month since the first order: revenue so far and per customer (numeric as text), up to `months`. */
  months: { month_offset: number; cumulative_revenue: string; value_per_customer: string }[]
}

export type LifetimeValueReport = { cohorts: LifetimeValueCohort[] }

const LIFETIME_VALUE = `
  with ${COHORTS_CTE},
  orders as (
    select c.cohort, o.currency_code, o.customer_id, o.net_total,
           ${MONTH_OFFSET_SQL(utcMonth("o.placed_at"), "c.cohort")} as month_offset
    from order_fact o join cohort c on c.customer_id = o.customer_id),
  buyers as (
    select cohort, currency_code, count(distinct customer_id)::int as customers, sum(net_total) as revenue
    from orders group by cohort, currency_code),
  per_month as (
    select cohort, currency_code, month_offset, sum(net_total) as revenue
    from orders where month_offset <= ? group by cohort, currency_code, month_offset),
  cumulative as (
    select cohort, currency_code, month_offset,
           sum(revenue) over (partition by cohort, currency_code order by month_offset) as cumulative_revenue
    from per_month)
  select ${monthLabel("b.cohort")} as cohort, b.currency_code, b.customers, b.revenue::text as revenue,
         round(b.revenue / b.customers, 2)::text as value_per_customer, c.month_offset,
         c.cumulative_revenue::text as cumulative_revenue, round(c.cumulative_revenue / b.customers, 2)::text as cumulative_value
  from buyers b left join cumulative c on c.cohort = b.cohort and c.currency_code = b.currency_code
  order by b.cohort, b.currency_code, c.month_offset`

/**
 * Customer lifetime value by first-order cohort, per currency: net revenue of the cohort's
 * customers in that currency over those who bought in it, overall and accumulated month by month.
 */
export const lifetimeValueReport: ManagementReport<CohortReportParams, LifetimeValueReport> = {
  async run(container, { from, to, months }) {
    const { rows } = await reportKnex(container).raw(LIFETIME_VALUE, [from, to, months])
    const cohorts = new Map<string, LifetimeValueCohort>()
    for (const row of rows as (Omit<LifetimeValueCohort, "months"> & { month_offset: number | null; cumulative_revenue: string; cumulative_value: string })[]) {
      const key = `${row.cohort}:${row.currency_code}`
      const cohort = cohorts.get(key) ?? {
        cohort: row.cohort,
        currency_code: row.currency_code,
        customers: row.customers,
        revenue: row.revenue,
        value_per_customer: row.value_per_customer,
        months: [],
      }
      cohorts.set(key, cohort)
      if (row.month_offset === null) {
        continue
      }
      // A month without orders keeps the value reached before it.
      let last = cohort.months[cohort.months.length - 1]
      for (let offset = (last?.month_offset ?? -1) + 1; offset < row.month_offset; offset++) {
        last = { month_offset: offset, cumulative_revenue: last?.cumulative_revenue ?? "0", value_per_customer: last?.value_per_customer ?? "0.00" }
        cohort.months.push(last)
      }
      cohort.months.push({ month_offset: row.month_offset, cumulative_revenue: row.cumulative_revenue, value_per_customer: row.cumulative_value })
    }
    return { cohorts: [...cohorts.values()] }
  },
  csv: {
    columns: ["cohort", "currency_code", "customers", "revenue", "value_per_customer", "month_offset", "cumulative_revenue", "cumulative_value_per_customer"],
    records: (r) =>
      r.cohorts.flatMap((c) =>
        c.months.map((m) => ({
          cohort: c.cohort,
          currency_code: c.currency_code,
          customers: c.customers,
          revenue: c.revenue,
          value_per_customer: c.value_per_customer,
          month_offset: m.month_offset,
          cumulative_revenue: m.cumulative_revenue,
          cumulative_value_per_customer: m.value_per_customer,
        }))
      ),
  },
}
