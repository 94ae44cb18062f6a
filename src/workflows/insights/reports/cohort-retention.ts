import type { ManagementReport } from "./report"
import { monthLabel, utcMonth } from "./report"
import { reportKnex } from "./pg"
import type { CohortReportParams } from "./report"

export type RetentionCohort = {
  /** The first-order month (UTC), `YYYY-MM`. */
  cohort: string
  customers: number
  /** Month 0 is the first-order month (always every customer); months not yet reached are left out. */
  months: { month_offset: number; active_customers: number; retention: number }[]
}

export type CohortRetentionReport = { cohorts: RetentionCohort[] }

/** Whole months from a cohort's month to another month. */
export const MONTH_OFFSET_SQL = (month: string, cohort: string) =>
  `((extract(year from ${month}) - extract(year from ${cohort})) * 12 + extract(month from ${month}) - extract(month from ${cohort}))::int`

export const COHORTS_CTE = `
  cohort as (
    select customer_id, ${utcMonth("first_order_at")} as cohort
    from customer_fact where first_order_at >= ? and first_order_at < ?)`

const RETENTION = `
  with ${COHORTS_CTE},
  activity as (
    select distinct o.customer_id, c.cohort, ${MONTH_OFFSET_SQL(utcMonth("o.placed_at"), "c.cohort")} as month_offset
    from order_fact o join cohort c on c.customer_id = o.customer_id),
  sizes as (select cohort, count(*)::int as customers from cohort group by cohort)
  select ${monthLabel("s.cohort")} as cohort, s.customers, a.month_offset, count(a.customer_id)::int as active_customers,
         round(count(a.customer_id)::numeric / s.customers, 4)::float8 as retention,
         ${MONTH_OFFSET_SQL(utcMonth("now()"), "s.cohort")} as months_reached
  from sizes s left join activity a on a.cohort = s.cohort and a.month_offset <= ?
  group by s.cohort, s.customers, a.month_offset
  order by s.cohort, a.month_offset`

/**
 * Cohort retention: customers grouped by the month of their first order; for each following
 * month, the share who ordered in it. From the customer facts (order facts, UTC months).
 */
export const cohortRetentionReport: ManagementReport<CohortReportParams, CohortRetentionReport> = {
  async run(container, { from, to, months }) {
    const { rows } = await reportKnex(container).raw(RETENTION, [from, to, months])
    const cohorts = new Map<string, RetentionCohort & { reached: number }>()
    for (const row of rows as { cohort: string; customers: number; month_offset: number | null; active_customers: number; retention: number; months_reached: number }[]) {
      const cohort = cohorts.get(row.cohort) ?? { cohort: row.cohort, customers: row.customers, months: [], reached: Math.min(row.months_reached, months) }
      cohorts.set(row.cohort, cohort)
      if (row.month_offset !== null) {
        cohort.months.push({ month_offset: row.month_offset, active_customers: row.active_customers, retention: row.retention })
      }
    }
    return {
      cohorts: [...cohorts.values()].map(({ reached, ...cohort }) => {
        // Months reached without an order from the cohort are 0 %, not missing.
        const byOffset = new Map(cohort.months.map((m) => [m.month_offset, m]))
        const filled = Array.from({ length: reached + 1 }, (_, offset) => byOffset.get(offset) ?? { month_offset: offset, active_customers: 0, retention: 0 })
        return { ...cohort, months: filled }
      }),
    }
  },
  csv: {
    columns: ["cohort", "customers", "month_offset", "active_customers", "retention"],
    records: (r) => r.cohorts.flatMap((c) => c.months.map((m) => ({ cohort: c.cohort, customers: c.customers, ...m }))),
  },
}
