import { Table, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { formatCount, formatPercent, monthName } from "../format"
import type { CustomersReport, ReportQuery } from "../types"
import { useReport } from "../use-report"
import { CsvButton } from "./csv-button"
import { ReportSection } from "./section"

/** New and returning customers per month (stacked: together the active customers), signups beside them, and the repeat-purchase rate. */
export const CustomersSection = ({ period }: { period: ReportQuery }) => {
  const query = useReport<CustomersReport>("customers", period)
  const months = (query.data?.months ?? []).map((m) => ({ ...m, label: monthName(m.month) }))
  const repeat = query.data?.repeat_purchase
  return (
    <ReportSection
      title="New and active customers"
      description="Per month (UTC): customers with their first order, returning customers (ordered before), and new accounts. The repeat-purchase rate is the share of the period's buyers who ordered twice or more in it."
      controls={<CsvButton name="customers" query={period} />}
      query={query}
      isEmpty={months.length === 0}
      emptyText="No months in this period."
    >
      {repeat && (
        <div className="flex gap-x-8 px-6 py-4">
          <Stat label="Buyers" value={formatCount(repeat.buyers)} />
          <Stat label="Bought twice or more" value={formatCount(repeat.repeat_buyers)} />
          <Stat label="Repeat-purchase rate" value={formatPercent(repeat.rate)} />
        </div>
      )}
      <div className="h-[300px] px-2 py-4">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={months} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
            <Tooltip />
            <Legend />
            <Bar dataKey="new_customers" name="New" stackId="active" fill="var(--tag-green-icon)" />
            <Bar dataKey="returning_customers" name="Returning" stackId="active" fill="var(--tag-blue-icon)" />
            <Bar dataKey="signups" name="Signups" fill="var(--tag-neutral-icon)" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Month</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Signups</Table.HeaderCell>
            <Table.HeaderCell className="text-right">New</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Returning</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Active</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {months.map((m) => (
            <Table.Row key={m.month}>
              <Table.Cell>{m.label}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(m.signups)}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(m.new_customers)}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(m.returning_customers)}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(m.active_customers)}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(m.orders)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ReportSection>
  )
}

export const Stat = ({ label, value }: { label: string; value: string }) => (
  <div>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus">
      {value}
    </Text>
  </div>
)
