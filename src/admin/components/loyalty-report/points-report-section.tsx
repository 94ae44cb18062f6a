import { Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { usePointsReport } from "../../hooks/use-points-report"
import { formatPoints } from "../../lib/format"
import { REPORT_INTERVALS, type PointsReportPeriod, type ReportInterval } from "../../lib/types"
import { QueryState } from "../common/query-state"

const DAY = 86_400_000
const INTERVAL_LABELS: Record<ReportInterval, string> = { day: "Day", week: "Week", month: "Month" }

/** Issued points stand on their own; what left the ledger (redeemed, expired, reversed) is stacked beside them. */
const SERIES: { key: keyof PointsReportPeriod; label: string; stack: string; color: string }[] = [
  { key: "issued", label: "Issued", stack: "in", color: "var(--tag-green-icon)" },
  { key: "redeemed", label: "Redeemed", stack: "out", color: "var(--tag-blue-icon)" },
  { key: "expired", label: "Expired", stack: "out", color: "var(--tag-orange-icon)" },
  { key: "reversed", label: "Reversed", stack: "out", color: "var(--tag-red-icon)" },
]

const isoDay = (date: Date) => date.toISOString().slice(0, 10)
const moneyFormat = (currency: string | null) =>
  currency
    ? new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() })
    : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })

/** How a period is named on the axis: the day, or the month for a monthly report. */
function periodLabel(period: string, interval: ReportInterval): string {
  const date = new Date(period)
  return interval === "month"
    ? date.toLocaleDateString(undefined, { year: "numeric", month: "short", timeZone: "UTC" })
    : date.toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" })
}

/**
 * The points accounting report: points issued, redeemed, expired and reversed per period of a
 * chosen range, and the points outstanding now with what they are worth per currency.
 */
export const PointsReportSection = () => {
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 365 * DAY)))
  const [to, setTo] = useState(() => isoDay(new Date(Date.now() + DAY)))
  const [interval, setPeriodInterval] = useState<ReportInterval>("month")
  const { data, isLoading, isError, error } = usePointsReport({ from, to, interval })
  const periods = (data?.periods ?? []).map((p) => ({ ...p, label: periodLabel(p.period, interval) }))

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h2">Points report</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Points issued and what left the ledger, per period.
            </Text>
          </div>
          <div className="flex items-end gap-x-3">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="report-from" size="xsmall" weight="plus">
                From
              </Label>
              <Input id="report-from" size="small" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="report-to" size="xsmall" weight="plus">
                To
              </Label>
              <Input id="report-to" size="small" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
            </div>
            <div className="flex w-[120px] flex-col gap-y-1">
              <Label htmlFor="report-interval" size="xsmall" weight="plus">
                Per
              </Label>
              <Select size="small" value={interval} onValueChange={(value) => setPeriodInterval(value as ReportInterval)}>
                <Select.Trigger id="report-interval">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {REPORT_INTERVALS.map((value) => (
                    <Select.Item key={value} value={value}>
                      {INTERVAL_LABELS[value]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
          </div>
        </div>
        <QueryState
          isError={isError}
          error={error}
          isLoading={isLoading}
          loadingText="Loading the report…"
          isEmpty={periods.length === 0}
          emptyText="No points moved between these dates."
        >
          <div className="h-[320px] px-2 py-4">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={periods} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis tickFormatter={(value: number) => formatPoints(value)} tick={{ fontSize: 12 }} width={64} />
                <Tooltip formatter={(value) => formatPoints(Number(value))} />
                <Legend />
                {SERIES.map((series) => (
                  <Bar key={series.key} dataKey={series.key} name={series.label} stackId={series.stack} fill={series.color} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </QueryState>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Outstanding points</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Points customers hold now and what they are worth at the redemption value, per currency they were earned in.
          </Text>
        </div>
        {data && data.liability.length === 0 ? (
          <Text size="small" className="text-ui-fg-muted px-6 py-4">
            No points outstanding.
          </Text>
        ) : (
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
              {(data?.liability ?? []).map((row) => (
                <Table.Row key={row.currency_code ?? "none"}>
                  <Table.Cell>{row.currency_code?.toUpperCase() ?? "Adjustments (no currency)"}</Table.Cell>
                  <Table.Cell className="text-right">{formatPoints(row.available)}</Table.Cell>
                  <Table.Cell className="text-right">{formatPoints(row.pending)}</Table.Cell>
                  <Table.Cell className="text-right">{moneyFormat(row.currency_code).format(row.amount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
    </div>
  )
}
