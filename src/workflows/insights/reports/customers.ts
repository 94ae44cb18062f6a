import type { ManagementReport } from "./report"
import { MONTHS_SQL, monthLabel, utcMonth } from "./report"
import { reportKnex } from "./pg"
import type { ReportPeriodParams } from "./report"

export type CustomersMonth = {
  month: string
  /** Customer accounts created (Medusa's created_at, or the imported signup date). */
  signups: number
  /** Customers whose first order ever was placed this month. */
  new_customers: number
  /** Customers with an order this month who had ordered before. */
  returning_customers: number
  /** Customers with an order this month. */
  active_customers: number
  orders: number
}

export type CustomersReport = {
  months: CustomersMonth[]
  /** Of the customers who ordered in the period, the share who ordered twice or more in it. */
  repeat_purchase: { buyers: number; repeat_buyers: number; rate: number | null }
}

const MONTHS = `
  with months as (${MONTHS_SQL}),
  active as (
    select ${utcMonth("placed_at")} as month, count(distinct customer_id)::int as active, count(*)::int as orders
    from order_fact where placed_at >= ? and placed_at < ? group by 1),
  firsts as (
    select ${utcMonth("first_order_at")} as month, count(*)::int as new_customers
    from customer_fact where first_order_at >= ? and first_order_at < ? group by 1),
  signups as (
    select ${utcMonth("customer_created_at")} as month, count(*)::int as signups
    from customer_fact where customer_created_at >= ? and customer_created_at < ? group by 1)
  select ${monthLabel("m.month")} as month, coalesce(s.signups, 0) as signups, coalesce(f.new_customers, 0) as new_customers,
         coalesce(a.active, 0) - coalesce(f.new_customers, 0) as returning_customers, coalesce(a.active, 0) as active_customers,
         coalesce(a.orders, 0) as orders
  from months m
  left join active a on a.month = m.month
  left join firsts f on f.month = m.month
  left join signups s on s.month = m.month
  order by m.month`

const REPEAT = `
  select count(*)::int as buyers, count(*) filter (where n >= 2)::int as repeat_buyers,
         round(count(*) filter (where n >= 2)::numeric / nullif(count(*), 0), 4)::float8 as rate
  from (select customer_id, count(*) as n from order_fact where placed_at >= ? and placed_at < ? group by customer_id) x`

/** New, returning and active customers per month (UTC) and the period's repeat-purchase rate, from the customer facts. */
export const customersReport: ManagementReport<ReportPeriodParams, CustomersReport> = {
  async run(container, { from, to }) {
    const knex = reportKnex(container)
    const { rows: months } = await knex.raw(MONTHS, [from, to, from, to, from, to, from, to])
    const {
      rows: [repeat],
    } = await knex.raw(REPEAT, [from, to])
    return { months, repeat_purchase: repeat }
  },
  csv: {
    columns: ["month", "signups", "new_customers", "returning_customers", "active_customers", "orders"],
    records: (r) => r.months,
  },
}
