import { Table } from "@medusajs/ui"
import { useState } from "react"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { currenciesOf, formatCount, formatMoney, monthName } from "../format"
import type { MarketingRevenueReport, ReportQuery } from "../types"
import { useReport } from "../use-report"
import { CsvButton } from "./csv-button"
import { CurrencyField } from "./field"
import { ReportSection } from "./section"

/** Campaign and reminder revenue per month beside the store's, in one currency at a time, and the campaigns' totals. */
export const MarketingRevenueSection = ({ period }: { period: ReportQuery }) => {
  const query = useReport<MarketingRevenueReport>("marketing-revenue", period)
  const [picked, setCurrency] = useState("")
  const all = query.data?.months ?? []
  const currencies = currenciesOf(all.map((m) => m.currency_code))
  const currency = currencies.includes(picked) ? picked : (currencies[0] ?? "")
  const months = all.filter((m) => m.currency_code === currency)
  const campaigns = (query.data?.campaigns ?? []).filter((c) => c.currency_code === currency)
  return (
    <ReportSection
      title="Campaign and reminder revenue"
      description="Net revenue of orders attributed to e-mail campaigns (by order month) and of reorders after repurchase reminders (by the reminder's month), beside the store's whole net revenue."
      controls={
        <>
          <CurrencyField id="marketing-currency" currencies={currencies} value={currency} onChange={setCurrency} />
          <CsvButton name="marketing-revenue" query={period} />
        </>
      }
      query={query}
      isEmpty={months.length === 0}
      emptyText="No orders in this period."
    >
      <div className="h-[300px] px-2 py-4">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={months.map((m) => ({
              label: monthName(m.month),
              store: Number(m.store.amount),
              campaigns: Number(m.campaigns.amount),
              reminders: Number(m.reminders.amount),
            }))}
            margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} width={72} tickFormatter={(v: number) => formatMoney(v, currency)} />
            <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
            <Legend />
            <Bar dataKey="store" name="Store" fill="var(--tag-neutral-icon)" />
            <Bar dataKey="campaigns" name="E-mail campaigns" fill="var(--tag-blue-icon)" />
            <Bar dataKey="reminders" name="Reminders" fill="var(--tag-green-icon)" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Campaign</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {campaigns.map((c) => (
            <Table.Row key={c.campaign_id}>
              <Table.Cell>{c.name ?? c.campaign_id}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(c.orders)}</Table.Cell>
              <Table.Cell className="text-right">{formatMoney(c.amount, currency)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ReportSection>
  )
}
