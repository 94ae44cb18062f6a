import { Table } from "@medusajs/ui"
import { useState } from "react"
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { currenciesOf, formatCount, formatMoney, monthName, SERIES_COLORS } from "../format"
import type { LifetimeValueReport, ReportQuery } from "../types"
import { useReport } from "../use-report"
import { MONTH_SPANS } from "./cohort-retention-section"
import { CsvButton } from "./csv-button"
import { CurrencyField, SelectField } from "./field"
import { ReportSection } from "./section"

/** Lifetime value per customer of each first-order cohort, accumulated month by month, in one currency at a time. */
export const LifetimeValueSection = ({ period }: { period: ReportQuery }) => {
  const [months, setMonths] = useState("12")
  const [picked, setCurrency] = useState("")
  const params = { ...period, months }
  const query = useReport<LifetimeValueReport>("lifetime-value", params)
  const all = query.data?.cohorts ?? []
  const currencies = currenciesOf(all.map((c) => c.currency_code))
  const currency = currencies.includes(picked) ? picked : (currencies[0] ?? "")
  const cohorts = all.filter((c) => c.currency_code === currency)
  const width = Math.max(0, ...cohorts.map((c) => c.months.length))
  // One point per month offset, one series per cohort (chart values only; the figures are the server's).
  const points = Array.from({ length: width }, (_, offset) => ({
    offset,
    ...Object.fromEntries(cohorts.map((c) => [c.cohort, c.months[offset] ? Number(c.months[offset].value_per_customer) : undefined])),
  }))
  return (
    <ReportSection
      title="Customer lifetime value by cohort"
      description="Net revenue (after refunds) of each first-order cohort's customers in one currency, divided by those of them who bought in it, accumulated by month since the first order."
      controls={
        <>
          <CurrencyField id="ltv-currency" currencies={currencies} value={currency} onChange={setCurrency} />
          <SelectField id="ltv-months" label="Months followed" value={months} onChange={setMonths} options={MONTH_SPANS.map((m) => ({ value: m, label: m }))} />
          <CsvButton name="lifetime-value" query={params} />
        </>
      }
      query={query}
      isEmpty={cohorts.length === 0}
      emptyText="No first orders in this period."
    >
      <div className="h-[300px] px-2 py-4">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
            <XAxis dataKey="offset" tick={{ fontSize: 12 }} label={{ value: "months since first order", position: "insideBottom", offset: -2, fontSize: 11 }} />
            <YAxis tick={{ fontSize: 12 }} width={72} tickFormatter={(v: number) => formatMoney(v, currency)} />
            <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
            <Legend />
            {cohorts.slice(-SERIES_COLORS.length).map((c, i) => (
              <Line key={c.cohort} dataKey={c.cohort} name={monthName(c.cohort)} stroke={SERIES_COLORS[i]} dot={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Cohort</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Customers</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Per customer</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {cohorts.map((c) => (
            <Table.Row key={c.cohort}>
              <Table.Cell>{monthName(c.cohort)}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(c.customers)}</Table.Cell>
              <Table.Cell className="text-right">{formatMoney(c.revenue, currency)}</Table.Cell>
              <Table.Cell className="text-right">{formatMoney(c.value_per_customer, currency)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ReportSection>
  )
}
