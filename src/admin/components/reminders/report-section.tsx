import { Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { useReminderReport, useReminderRules } from "../../hooks/use-reminders"
import { formatPoints } from "../../lib/format"
import { QueryState } from "../common/query-state"
import { RuleSelect } from "./rule-select"
import type { ReminderReportJson } from "./types"

const DAY = 86_400_000
const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/** What each reason means to a merchant. */
const REASON_LABELS: Record<string, string> = {
  rule_inactive: "Rule switched off",
  reordered: "Reordered before",
  open_cart: "Product in an open cart",
  no_consent: "No marketing consent",
  unsubscribed: "Unsubscribed or bounced",
  frequency_cap: "Frequency cap",
  no_email: "No e-mail address",
  coverage_shortened: "Order canceled or refunded",
  rule_changed: "Rule changed",
}

const COLORS = { sent: "var(--tag-green-icon)", suppressed: "var(--tag-orange-icon)", withdrawn: "var(--tag-neutral-icon)", failed: "var(--tag-red-icon)" }

/** One bar per outcome: sent, each suppression reason, each withdrawal reason, failed. */
function outcomeBars(report: ReminderReportJson) {
  return [
    { label: "Sent", count: report.sent, color: COLORS.sent },
    ...Object.entries(report.suppressed).map(([reason, count]) => ({ label: REASON_LABELS[reason] ?? reason, count, color: COLORS.suppressed })),
    ...Object.entries(report.withdrawn).map(([reason, count]) => ({ label: REASON_LABELS[reason] ?? reason, count, color: COLORS.withdrawn })),
    ...(report.failed ? [{ label: "Failed", count: report.failed, color: COLORS.failed }] : []),
  ]
}

const money = (amount: string, currency: string) =>
  new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(Number(amount))

const Stat = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div className="flex flex-col gap-y-1 px-6 py-4">
    <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus">
      {value}
    </Text>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
  </div>
)

/**
 * The reminders report of a period: sent, suppressed and withdrawn by reason, failed; reorders
 * within 14 days of a sent reminder (conversion) and their net revenue per currency.
 */
export const ReminderReportSection = () => {
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 90 * DAY)))
  const [to, setTo] = useState(() => isoDay(new Date(Date.now() + DAY)))
  const [ruleId, setRuleId] = useState<string | undefined>()
  const rules = useReminderRules({ limit: 100, offset: 0 })
  const { data, isLoading, isError, error } = useReminderReport({ from, to, rule_id: ruleId })
  const report = data?.report
  const bars = report ? outcomeBars(report) : []

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h2">Reminders report</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              What happened to the reminders of a period, and the reorders that followed.
            </Text>
          </div>
          <div className="flex items-end gap-x-3">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="reminder-report-from" size="xsmall" weight="plus">
                From
              </Label>
              <Input id="reminder-report-from" size="small" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="reminder-report-to" size="xsmall" weight="plus">
                To
              </Label>
              <Input id="reminder-report-to" size="small" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
            </div>
            <RuleSelect id="reminder-report-rule" rules={rules.data?.reminder_rules ?? []} value={ruleId} onChange={setRuleId} />
          </div>
        </div>
        <QueryState
          isError={isError}
          error={error}
          isLoading={isLoading}
          loadingText="Loading the report…"
          isEmpty={!bars.some((bar) => bar.count > 0)}
          emptyText="No reminder was sent, suppressed or withdrawn between these dates."
        >
          {report && (
            <>
              <div className="grid grid-cols-2 divide-x md:grid-cols-5">
                <Stat label="Sent" value={formatPoints(report.sent)} />
                <Stat
                  label="Reordered"
                  value={formatPoints(report.converted)}
                  hint={
                    report.conversion_rate === null
                      ? `within ${report.window_days} days`
                      : `${(report.conversion_rate * 100).toFixed(1)} % within ${report.window_days} days`
                  }
                />
                <Stat label="Suppressed" value={formatPoints(report.suppressed_total)} hint="checked right before sending" />
                <Stat label="Withdrawn" value={formatPoints(report.withdrawn_total)} hint="before they were due" />
                <Stat label="Failed" value={formatPoints(report.failed)} />
              </div>
              <div className="h-[280px] px-2 py-4">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
                    <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
                    <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
                    <Tooltip formatter={(value) => formatPoints(Number(value))} />
                    <Bar dataKey="count" name="Reminders">
                      {bars.map((bar) => (
                        <Cell key={bar.label} fill={bar.color} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </>
          )}
        </QueryState>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Reorder revenue</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Net amount of the reordered products and substitutes, per currency (never added across currencies). Each reorder counts once, for the latest reminder before it.
          </Text>
        </div>
        {report && report.revenue.length === 0 ? (
          <Text size="small" className="text-ui-fg-muted px-6 py-4">
            No reorders followed the reminders of this period.
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Currency</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Reminders followed by a reorder</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(report?.revenue ?? []).map((row) => (
                <Table.Row key={row.currency_code}>
                  <Table.Cell>{row.currency_code.toUpperCase()}</Table.Cell>
                  <Table.Cell className="text-right">{formatPoints(row.reminders)}</Table.Cell>
                  <Table.Cell className="text-right">{formatPoints(row.orders)}</Table.Cell>
                  <Table.Cell className="text-right">{money(row.amount, row.currency_code)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
    </div>
  )
}
