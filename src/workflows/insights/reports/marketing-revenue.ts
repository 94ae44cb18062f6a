import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"
import type { ManagementReport } from "./report"
import { MONTHS_SQL, monthLabel, utcMonth } from "./report"
import { reportKnex } from "./pg"
import type { ReportPeriodParams } from "./report"

type Revenue = { orders: number; amount: string }

export type MarketingRevenueMonth = {
  month: string
  currency_code: string
  /** Net revenue of all orders placed that month. */
  store: Revenue
  /** Orders attributed to an e-mail campaign (e-mail campaigns' attribution), by the order's month. */
  campaigns: Revenue
  /** Reorders after a repurchase reminder (the reminders report's rule), by the reminder's sending month. */
  reminders: Revenue
}

export type MarketingRevenueReport = {
  months: MarketingRevenueMonth[]
  /** Per campaign over the period: attributed orders and net revenue per currency. */
  campaigns: { campaign_id: string; name: string | null; currency_code: string; orders: number; amount: string }[]
}

const STORE_AND_CAMPAIGNS = `
  with months as (${MONTHS_SQL}),
  store as (
    select ${utcMonth("placed_at")} as month, currency_code, count(*)::int as orders, sum(net_total) as amount
    from order_fact where placed_at >= ? and placed_at < ? group by 1, 2),
  campaigns as (
    select ${utcMonth("o.placed_at")} as month, o.currency_code, count(*)::int as orders, sum(o.net_total) as amount
    from campaign_attribution a join order_fact o on o.source = 'medusa' and o.order_key = a.order_id
    where o.placed_at >= ? and o.placed_at < ? group by 1, 2)
  select ${monthLabel("m.month")} as month, s.currency_code, s.orders as store_orders, s.amount::text as store_amount,
         coalesce(c.orders, 0) as campaign_orders, coalesce(c.amount, 0)::text as campaign_amount
  from months m join store s on s.month = m.month left join campaigns c on c.month = m.month and c.currency_code = s.currency_code
  order by m.month, s.currency_code`

const PER_CAMPAIGN = `
  select a.campaign_id, e.name, o.currency_code, count(*)::int as orders, sum(o.net_total)::text as amount
  from campaign_attribution a join order_fact o on o.source = 'medusa' and o.order_key = a.order_id
  left join email_campaign e on e.id = a.campaign_id
  where o.placed_at >= ? and o.placed_at < ?
  group by a.campaign_id, e.name, o.currency_code
  order by sum(o.net_total) desc, a.campaign_id, o.currency_code`

/** [start, end) of each UTC month of the period, clipped to it. */
function monthsOf(from: Date, to: Date): { month: string; from: Date; to: Date }[] {
  const out: { month: string; from: Date; to: Date }[] = []
  for (let start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)); start < to; ) {
    const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    out.push({ month: start.toISOString().slice(0, 7), from: start < from ? from : start, to: next > to ? to : next })
    start = next
  }
  return out
}

/**
 * What e-mail campaigns and repurchase reminders brought in, per month and currency, beside the
 * store's whole net revenue. Each module's own attribution rule decides what counts.
 */
export const marketingRevenueReport: ManagementReport<ReportPeriodParams, MarketingRevenueReport> = {
  async run(container, { from, to }) {
    const knex = reportKnex(container)
    const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
    const { rows } = await knex.raw(STORE_AND_CAMPAIGNS, [from, to, from, to, from, to])
    const { rows: campaigns } = await knex.raw(PER_CAMPAIGN, [from, to])
    const months = new Map<string, MarketingRevenueMonth>()
    const entry = (month: string, currency_code: string) => {
      const key = `${month}:${currency_code}`
      const existing = months.get(key)
      if (existing) return existing
      const created = { month, currency_code, store: { orders: 0, amount: "0" }, campaigns: { orders: 0, amount: "0" }, reminders: { orders: 0, amount: "0" } }
      months.set(key, created)
      return created
    }
    for (const r of rows) {
      const e = entry(r.month, r.currency_code)
      e.store = { orders: r.store_orders, amount: r.store_amount }
      e.campaigns = { orders: r.campaign_orders, amount: r.campaign_amount }
    }
    for (const month of monthsOf(from, to)) {
      const report = await reminders.reportReminders({ from: month.from, to: month.to })
      for (const r of report.revenue) {
        entry(month.month, r.currency_code).reminders = { orders: r.orders, amount: r.amount }
      }
    }
    const sorted = [...months.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency_code.localeCompare(b.currency_code))
    return { months: sorted, campaigns }
  },
  csv: {
    columns: ["month", "currency_code", "store_orders", "store_revenue", "campaign_orders", "campaign_revenue", "reminder_orders", "reminder_revenue"],
    records: (r) =>
      r.months.map((m) => ({
        month: m.month,
        currency_code: m.currency_code,
        store_orders: m.store.orders,
        store_revenue: m.store.amount,
        campaign_orders: m.campaigns.orders,
        campaign_revenue: m.campaigns.amount,
        reminder_orders: m.reminders.orders,
        reminder_revenue: m.reminders.amount,
      })),
  },
}
