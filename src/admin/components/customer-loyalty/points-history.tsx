import { Badge, Heading, Select, Table, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useCustomerTransactions } from "../../hooks/use-customer-loyalty"
import { errorMessage } from "../../lib/error-message"
import { formatDateTime, formatSignedPoints } from "../../lib/format"
import { TRANSACTION_TYPE_DISPLAY } from "../../lib/transaction-types"
import { POINTS_TRANSACTION_TYPES, type PointsTransactionType } from "../../lib/types"
import { Pager } from "../common/pager"

const PAGE_SIZE = 10
const ALL_TYPES = "all"

/** The customer's points ledger, newest first, ten entries a page, optionally of one type. */
export const PointsHistory = ({ customerId }: { customerId: string }) => {
  const [pageIndex, setPageIndex] = useState(0)
  const [type, setType] = useState<PointsTransactionType | typeof ALL_TYPES>(ALL_TYPES)
  const { data, isLoading, isError, error } = useCustomerTransactions(customerId, {
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    ...(type === ALL_TYPES ? {} : { type }),
  })
  const count = data?.count ?? 0

  return (
    <div className="flex flex-col">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h3">History</Heading>
        <div className="w-[180px]">
          <Select
            size="small"
            value={type}
            onValueChange={(value) => {
              setType(value as PointsTransactionType | typeof ALL_TYPES)
              setPageIndex(0)
            }}
          >
            <Select.Trigger aria-label="Filter by type">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL_TYPES}>All types</Select.Item>
              {POINTS_TRANSACTION_TYPES.map((value) => (
                <Select.Item key={value} value={value}>
                  {TRANSACTION_TYPE_DISPLAY[value].label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 pb-4">
          {errorMessage(error)}
        </Text>
      ) : isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 pb-4">
          Loading history…
        </Text>
      ) : count === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 pb-4">
          No points movements yet.
        </Text>
      ) : (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Date</Table.HeaderCell>
                <Table.HeaderCell>Type</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Points</Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell>Order</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data?.transactions.map((transaction) => {
                const display = TRANSACTION_TYPE_DISPLAY[transaction.type]
                return (
                  <Table.Row key={transaction.id}>
                    <Table.Cell className="whitespace-nowrap">{formatDateTime(transaction.occurred_at)}</Table.Cell>
                    <Table.Cell>
                      <Badge size="2xsmall" color={display?.color ?? "grey"}>
                        {display?.label ?? transaction.type}
                      </Badge>
                    </Table.Cell>
                    <Table.Cell
                      className={clx(
                        "text-right tabular-nums",
                        transaction.points > 0 ? "text-ui-tag-green-text" : "text-ui-fg-error"
                      )}
                    >
                      {formatSignedPoints(transaction.points)}
                    </Table.Cell>
                    <Table.Cell className="max-w-[280px] truncate" title={transaction.reason ?? undefined}>
                      {transaction.reason ?? "—"}
                    </Table.Cell>
                    <Table.Cell>
                      {transaction.order_id ? (
                        <Link
                          to={`/orders/${transaction.order_id}`}
                          className="text-ui-fg-interactive hover:underline"
                        >
                          View order
                        </Link>
                      ) : (
                        "—"
                      )}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
          <Pager count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </>
      )}
    </div>
  )
}
