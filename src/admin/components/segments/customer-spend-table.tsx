import { Table } from "@medusajs/ui"
import { formatDate } from "../../lib/format"
import { formatCount, formatMoney } from "../../lib/segment-format"
import type { CustomerSpendFact } from "../../lib/segment-types"

/** Orders and spend per currency, net of refunds (amounts in different currencies are never added up). */
export const CustomerSpendTable = ({ spend }: { spend: CustomerSpendFact[] }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Currency</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Spent (net)</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Refunded</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Average order</Table.HeaderCell>
        <Table.HeaderCell>Last order</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {spend.map((row) => (
        <Table.Row key={row.currency_code}>
          <Table.Cell>{row.currency_code.toUpperCase()}</Table.Cell>
          <Table.Cell className="text-right tabular-nums">{formatCount(row.order_count)}</Table.Cell>
          <Table.Cell className="text-right tabular-nums">{formatMoney(row.total_spent, row.currency_code)}</Table.Cell>
          <Table.Cell className="text-right tabular-nums">{formatMoney(row.refunded_total, row.currency_code)}</Table.Cell>
          <Table.Cell className="text-right tabular-nums">{formatMoney(row.average_order_value, row.currency_code)}</Table.Cell>
          <Table.Cell>{formatDate(row.last_order_at)}</Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
