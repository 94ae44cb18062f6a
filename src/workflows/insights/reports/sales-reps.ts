import type { ManagementReport } from "./report"
import { reportKnex } from "./pg"
import type { SalesRepReportParams } from "./report"

export type SalesRepRow = {
  /** The account manager's e-mail or the metadata value; null: customers with none. */
  sales_rep: string | null
  /** Customers attributed to the rep (B2B: employees of their companies). */
  customers: number
  /** Of them, those whose first order ever fell in the period. */
  new_customers: number
  /** Orders in the period and their net revenue, per currency. */
  revenue: { currency_code: string; orders: number; amount: string }[]
}

export type SalesRepReport = { by: SalesRepReportParams["by"]; reps: SalesRepRow[] }

/** Who represents each customer: their company's account manager (B2B employees only). */
const ACCOUNT_MANAGER_REPS = `
  select e.customer_id, nullif(co.account_manager_email, '') as sales_rep
  from b2b_company_employee e join b2b_company co on co.id = e.company_id
  where e.deleted_at is null and co.deleted_at is null`

/** Who represents each customer: a metadata value (`?` is the key; every customer, with or without it). */
const METADATA_REPS = `select customer_id, nullif(metadata ->> ?, '') as sales_rep from customer_fact`

const REPORT = (reps: string) => `
  with reps as (${reps}),
  members as (
    select r.sales_rep, count(*)::int as customers,
           count(*) filter (where cf.first_order_at >= ? and cf.first_order_at < ?)::int as new_customers
    from reps r left join customer_fact cf on cf.customer_id = r.customer_id
    group by r.sales_rep),
  revenue as (
    select r.sales_rep, o.currency_code, count(*)::int as orders, sum(o.net_total)::text as amount
    from reps r join order_fact o on o.customer_id = r.customer_id
    where o.placed_at >= ? and o.placed_at < ?
    group by r.sales_rep, o.currency_code)
  select m.sales_rep, m.customers, m.new_customers,
         coalesce(json_agg(json_build_object('currency_code', v.currency_code, 'orders', v.orders, 'amount', v.amount)
                  order by v.currency_code) filter (where v.currency_code is not null), '[]') as revenue
  from members m left join revenue v on v.sales_rep is not distinct from m.sales_rep
  group by m.sales_rep, m.customers, m.new_customers
  order by m.sales_rep nulls last`

/**
 * Performance per sales representative over a period: revenue per currency, orders and new
 * customers, by B2B account manager (`by=account_manager`) or by a customer metadata key
 * (`by=customer_metadata`, `metadata_key`, default `sales_rep`).
 */
export const salesRepsReport: ManagementReport<SalesRepReportParams, SalesRepReport> = {
  async run(container, { from, to, by, metadata_key }) {
    const bindings = by === "account_manager" ? [from, to, from, to] : [metadata_key, from, to, from, to]
    const { rows } = await reportKnex(container).raw(REPORT(by === "account_manager" ? ACCOUNT_MANAGER_REPS : METADATA_REPS), bindings)
    return { by, reps: rows }
  },
  csv: {
    columns: ["sales_rep", "customers", "new_customers", "currency_code", "orders", "revenue"],
    records: (report) =>
      report.reps.flatMap((rep) =>
        (rep.revenue.length ? rep.revenue : [null]).map((v) => ({
          sales_rep: rep.sales_rep,
          customers: rep.customers,
          new_customers: rep.new_customers,
          currency_code: v?.currency_code ?? null,
          orders: v?.orders ?? 0,
          revenue: v?.amount ?? null,
        }))
      ),
  },
}
