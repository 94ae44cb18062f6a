import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container, Heading, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { exportUpcomingReminders, useReminderRules, useUpcomingReminders } from "../../hooks/use-reminders"
import { errorMessage } from "../../lib/error-message"
import { formatDate } from "../../lib/format"
import { Pager } from "../common/pager"
import { QueryState } from "../common/query-state"
import { RuleSelect } from "./rule-select"

const PAGE_SIZE = 50
const DAY_CHOICES = [7, 14, 30, 60, 90]
const DAY = 86_400_000

const daysFromNow = (iso: string) => Math.round((new Date(iso).getTime() - Date.now()) / DAY)
const relative = (days: number) => (days === 0 ? "today" : days > 0 ? `in ${days} d` : `${-days} d ago`)

/**
 * Who runs out soon: reminders due in the next N days (overdue ones go out at the next run), with
 * the customer and the day their supply ends (the pharmacy's "runs out next week, needs a
 * doctor's visit"), and the whole list as CSV.
 */
export const UpcomingSection = () => {
  const [days, setDays] = useState(7)
  const [ruleId, setRuleId] = useState<string | undefined>()
  const [pageIndex, setPageIndex] = useState(0)
  const [exporting, setExporting] = useState(false)
  const rules = useReminderRules({ limit: 100, offset: 0 })
  const { data, isLoading, isError, error } = useUpcomingReminders({ days, rule_id: ruleId, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })

  const onExport = async () => {
    setExporting(true)
    try {
      await exportUpcomingReminders({ days, rule_id: ruleId })
    } catch (err) {
      toast.error("Could not export the list", { description: errorMessage(err) })
    } finally {
      setExporting(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Upcoming reminders</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Customers whose supply runs out soon, with the day their reminder goes out.
          </Text>
        </div>
        <div className="flex items-end gap-x-3">
          <div className="flex w-[140px] flex-col gap-y-1">
            <Label htmlFor="upcoming-days" size="xsmall" weight="plus">
              Due within
            </Label>
            <Select
              size="small"
              value={String(days)}
              onValueChange={(value) => {
                setDays(Number(value))
                setPageIndex(0)
              }}
            >
              <Select.Trigger id="upcoming-days">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {DAY_CHOICES.map((choice) => (
                  <Select.Item key={choice} value={String(choice)}>
                    {choice} days
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <RuleSelect
            id="upcoming-rule"
            rules={rules.data?.reminder_rules ?? []}
            value={ruleId}
            onChange={(value) => {
              setRuleId(value)
              setPageIndex(0)
            }}
          />
          <Button size="small" variant="secondary" onClick={onExport} isLoading={exporting} disabled={!data?.count}>
            <ArrowDownTray />
            Export CSV
          </Button>
        </div>
      </div>
      <QueryState
        isError={isError}
        error={error}
        isLoading={isLoading}
        loadingText="Loading upcoming reminders…"
        isEmpty={!data?.count}
        emptyText={`No reminders due in the next ${days} days.`}
      >
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Reminder</Table.HeaderCell>
                <Table.HeaderCell>Runs out</Table.HeaderCell>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Product</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Units bought</Table.HeaderCell>
                <Table.HeaderCell>Cycle</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.reminders ?? []).map((row) => (
                <Table.Row key={row.id}>
                  <Table.Cell className="whitespace-nowrap">
                    {formatDate(row.due_at)}
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {relative(daysFromNow(row.due_at))}
                      {row.sequence > 1 ? ` · nudge ${row.sequence - 1}` : ""}
                    </Text>
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {formatDate(row.coverage_end)}
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {relative(daysFromNow(row.coverage_end))}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <Link to={`/customers/${row.customer_id}`} className="text-ui-fg-interactive hover:underline">
                      {[row.first_name, row.last_name].filter(Boolean).join(" ") || row.email || row.customer_id}
                    </Link>
                    {row.email && (
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {row.email}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>{row.rule_title ?? row.product_id}</Table.Cell>
                  <Table.Cell className="text-right">{row.units ?? "—"}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {row.cycle_days !== null ? `${Math.round(row.cycle_days * 10) / 10} d/unit` : "—"}
                    {row.cycle_source && (
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {row.cycle_source}
                      </Text>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </div>
      </QueryState>
    </Container>
  )
}
