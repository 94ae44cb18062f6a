import type { CurrencyAmount, ManagementReport } from "./report"
import { reportKnex } from "./pg"
import type { SnapshotReportParams } from "./report"

export type RfmCell = {
  /** Recency and frequency scores, 1–5 (5 = most recent / most frequent). */
  r: number
  f: number
  customers: number
  /** The cell's customers' spend to date (net of refunds), per currency. */
  revenue: CurrencyAmount[]
}

export type RfmGridReport = { cells: RfmCell[]; unscored_customers: number }

const COUNTS = `
  select r_score as r, f_score as f, count(*)::int as customers
  from customer_fact where order_count > 0 and r_score is not null and f_score is not null
  group by 1, 2`

const REVENUE = `
  select cf.r_score as r, cf.f_score as f, s.currency_code, sum(s.total_spent)::text as amount
  from customer_fact cf join customer_spend_fact s on s.customer_id = cf.customer_id
  where cf.order_count > 0 and cf.r_score is not null and cf.f_score is not null
  group by 1, 2, 3 order by 3`

const UNSCORED = `select count(*)::int as n from customer_fact where order_count > 0 and (r_score is null or f_score is null)`

/**
 * The RFM grid as the facts score it now: customers and their spend per currency in each of the
 * 25 recency × frequency cells (scores by quintile, refreshed nightly).
 */
export const rfmGridReport: ManagementReport<SnapshotReportParams, RfmGridReport> = {
  async run(container) {
    const knex = reportKnex(container)
    const { rows: counts } = await knex.raw(COUNTS)
    const { rows: revenue } = await knex.raw(REVENUE)
    const {
      rows: [{ n }],
    } = await knex.raw(UNSCORED)
    const cells: RfmCell[] = []
    for (let r = 5; r >= 1; r--) {
      for (let f = 1; f <= 5; f++) {
        cells.push({
          r,
          f,
          customers: counts.find((c: RfmCell) => c.r === r && c.f === f)?.customers ?? 0,
          revenue: revenue
            .filter((x: { r: number; f: number }) => x.r === r && x.f === f)
            .map((x: CurrencyAmount) => ({ currency_code: x.currency_code, amount: x.amount })),
        })
      }
    }
    return { cells, unscored_customers: n }
  },
  csv: {
    columns: ["r", "f", "customers", "currency_code", "revenue"],
    records: (report) =>
      report.cells.flatMap((c): Record<string, unknown>[] =>
        c.revenue.length
          ? c.revenue.map((x) => ({ r: c.r, f: c.f, customers: c.customers, currency_code: x.currency_code, revenue: x.amount }))
          : [{ r: c.r, f: c.f, customers: c.customers, currency_code: null, revenue: null }]
      ),
  },
}
