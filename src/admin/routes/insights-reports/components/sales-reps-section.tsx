import { Table } from "@medusajs/ui"
import { useState } from "react"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { currenciesOf, formatCount, formatMoney } from "../format"
import type { ReportQuery, SalesRepsReport } from "../types"
import { useReport } from "../use-report"
import { CsvButton } from "./csv-button"
import { CurrencyField, InputField, SelectField } from "./field"
import { ReportSection } from "./section"

const SOURCES = [
  { value: "account_manager", label: "B2B account manager" },
  { value: "customer_metadata", label: "Customer metadata" },
]

/** Revenue in one currency, orders and new customers per sales representative. */
export const SalesRepsSection = ({ period }: { period: ReportQuery }) => {
  const [by, setBy] = useState("account_manager")
  const [key, setKey] = useState("sales_rep")
  const [picked, setCurrency] = useState("")
  const params = { ...period, by, metadata_key: by === "customer_metadata" ? key : undefined }
  const query = useReport<SalesRepsReport>("sales-reps", params)
  const reps = query.data?.reps ?? []
  const currencies = currenciesOf(reps.flatMap((r) => r.revenue.map((v) => v.currency_code)))
  const currency = currencies.includes(picked) ? picked : (currencies[0] ?? "")
  const rows = reps.map((r) => {
    const revenue = r.revenue.find((v) => v.currency_code === currency)
    return { ...r, name: r.sales_rep ?? "No representative", orders: revenue?.orders ?? 0, amount: revenue?.amount ?? "0" }
  })
  return (
    <ReportSection
      title="Sales representatives"
      description="Orders and net revenue in the period, and customers whose first order fell in it, per B2B company account manager (its employees) or per representative named in a customer metadata key."
      controls={
        <>
          <SelectField id="reps-by" label="Representative" value={by} onChange={setBy} options={SOURCES} width="w-[200px]" />
          {by === "customer_metadata" && <InputField id="reps-key" label="Metadata key" value={key} onChange={setKey} />}
          <CurrencyField id="reps-currency" currencies={currencies} value={currency} onChange={setCurrency} />
          <CsvButton name="sales-reps" query={params} />
        </>
      }
      query={query}
      isEmpty={reps.length === 0}
      emptyText={by === "account_manager" ? "No company employees yet." : "No customers yet."}
    >
      <div className="h-[280px] px-2 py-4">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows.map((r) => ({ name: r.name, revenue: Number(r.amount) }))} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} width={72} tickFormatter={(v: number) => formatMoney(v, currency)} />
            <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
            <Bar dataKey="revenue" name="Revenue" fill="var(--tag-blue-icon)" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Representative</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Customers</Table.HeaderCell>
            <Table.HeaderCell className="text-right">New customers</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.name}>
              <Table.Cell>{r.name}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(r.customers)}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(r.new_customers)}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(r.orders)}</Table.Cell>
              <Table.Cell className="text-right">{formatMoney(r.amount, currency || null)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ReportSection>
  )
}
