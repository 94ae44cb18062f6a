import { Button, Container, Heading, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { errorMessage } from "../../lib/error-message"
import { formatDate, formatDateTime } from "../../lib/format"
import { QueryState } from "../common/query-state"
import { Pager } from "../common/pager"
import { useRenewals, useRunRenewals } from "./use-b2b"

const PAGE_SIZE = 20
const WINDOWS = [30, 60, 90, 180, 365]

/**
 * Contracts up for renewal: active ones ending within the chosen days, soonest first, and whether
 * the account manager was reminded (N days before the end, by e-mail, once per end date).
 */
export const RenewalsSection = () => {
  const [withinDays, setWithinDays] = useState(60)
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error } = useRenewals({ within_days: withinDays, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })
  const run = useRunRenewals()
  const renewals = data?.renewals ?? []
  const onRun = () =>
    run.mutate(undefined, {
      onSuccess: ({ result }) =>
        toast.success("Renewal reminders sent", { description: `${result.sent} sent, ${result.without_account_manager} without an account manager, ${result.failed} failed` }),
      onError: (e) => toast.error("Could not send the reminders", { description: errorMessage(e) }),
    })
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Renewals</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Active contracts ending soon. The account manager is e-mailed the contract&apos;s reminder days before it ends (daily, once per end date).
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <div className="w-[160px]">
            <Select
              size="small"
              value={String(withinDays)}
              onValueChange={(v) => {
                setWithinDays(Number(v))
                setPageIndex(0)
              }}
            >
              <Select.Trigger aria-label="Ending within">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {WINDOWS.map((d) => (
                  <Select.Item key={d} value={String(d)}>
                    Ending within {d} days
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <Button size="small" variant="secondary" onClick={onRun} isLoading={run.isPending}>
            Send due reminders now
          </Button>
        </div>
      </div>
      <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading renewals…" isEmpty={!renewals.length} emptyText={`No active contract ends within ${withinDays} days.`}>
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Contract</Table.HeaderCell>
                <Table.HeaderCell>Company</Table.HeaderCell>
                <Table.HeaderCell>Ends</Table.HeaderCell>
                <Table.HeaderCell>Account manager</Table.HeaderCell>
                <Table.HeaderCell>Reminder</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {renewals.map((r) => (
                <Table.Row key={r.contract_id}>
                  <Table.Cell>
                    <Link to={`/b2b/contracts/${r.contract_id}`} className="txt-compact-small-plus hover:underline">
                      {r.title}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <Link to={`/b2b/${r.company_id}`} className="hover:underline">
                      {r.company_name}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{formatDate(r.valid_to)}</Table.Cell>
                  <Table.Cell>{r.account_manager_email ?? <span className="text-ui-fg-error">none set</span>}</Table.Cell>
                  <Table.Cell>{r.notified_at ? `sent ${formatDateTime(r.notified_at)} to ${r.sent_to}` : `due ${r.renewal_reminder_days} days before the end`}</Table.Cell>
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
