import { Button, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useBalanceCheck } from "../../hooks/use-balance-check"
import { errorMessage } from "../../lib/error-message"
import { formatPoints } from "../../lib/format"

/** Proves, on demand, that every cached balance equals its ledger and its lots. */
export const BalanceCheckSection = () => {
  const { data, refetch, isFetching, isError, error } = useBalanceCheck()
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Balance check</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Compares every customer's balance with their ledger and open lots.
          </Text>
        </div>
        <Button size="small" variant="secondary" isLoading={isFetching} onClick={() => refetch()}>
          Run check
        </Button>
      </div>
      {isError && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(error)}
        </Text>
      )}
      {data && data.ok && (
        <div className="px-6 py-4">
          <StatusBadge color="green">All balances match the ledger</StatusBadge>
        </div>
      )}
      {data && !data.ok && (
        <div>
          <div className="px-6 py-4">
            <StatusBadge color="red">{data.mismatches.length} accounts disagree</StatusBadge>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Cached balance</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Ledger sum</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Lots − debt</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.mismatches.map((mismatch) => (
                <Table.Row key={mismatch.account_id}>
                  <Table.Cell>
                    <Link to={`/customers/${mismatch.customer_id}`} className="text-ui-fg-interactive hover:underline">
                      {mismatch.customer_id}
                    </Link>
                  </Table.Cell>
                  <Table.Cell className="text-right">{formatPoints(mismatch.cached_balance)}</Table.Cell>
                  <Table.Cell className="text-right">{formatPoints(mismatch.ledger_sum)}</Table.Cell>
                  <Table.Cell className="text-right">{formatPoints(mismatch.lots_minus_debt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
