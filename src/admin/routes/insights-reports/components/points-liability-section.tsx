import { Table } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { formatCount, formatMoney, monthName } from "../format"
import type { PointsLiabilityReport, ReportQuery } from "../types"
import { useReport } from "../use-report"
import { CsvButton } from "./csv-button"
import { ReportSection } from "./section"

/** Points outstanding now and their value per currency, and the monthly flow (issued vs. taken back) behind them. */
export const PointsLiabilitySection = ({ period }: { period: ReportQuery }) => {
  const query = useReport<PointsLiabilityReport>("points-liability", period)
  const liability = query.data?.liability ?? []
  const months = (query.data?.months ?? []).map((m) => ({ ...m, label: monthName(m.month) }))
  return (
    <ReportSection
      title="Points liability"
      description="Points customers hold now (available and pending, not expired), valued at the loyalty programme's redemption value per currency they were earned in; below, points issued and taken back per month."
      controls={<CsvButton name="points-liability" query={period} />}
      query={query}
      isEmpty={liability.length === 0 && months.length === 0}
      emptyText="No points issued yet."
    >
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Currency</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Available</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Pending</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Liability</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {liability.map((row) => (
            <Table.Row key={row.currency_code ?? "none"}>
              <Table.Cell>{row.currency_code?.toUpperCase() ?? "Adjustments (no currency)"}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(row.available_points)}</Table.Cell>
              <Table.Cell className="text-right">{formatCount(row.pending_points)}</Table.Cell>
              <Table.Cell className="text-right">{formatMoney(row.value, row.currency_code)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="h-[280px] px-2 py-4">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={months} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} width={64} tickFormatter={(v: number) => formatCount(v)} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Legend />
            <Bar dataKey="issued" name="Issued" fill="var(--tag-green-icon)" />
            <Bar dataKey="redeemed" name="Redeemed" stackId="out" fill="var(--tag-blue-icon)" />
            <Bar dataKey="expired" name="Expired" stackId="out" fill="var(--tag-orange-icon)" />
            <Bar dataKey="reversed" name="Reversed" stackId="out" fill="var(--tag-red-icon)" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ReportSection>
  )
}
