import { Button, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { formatDate } from "../../lib/format"
import { countryName } from "../../lib/segment-labels"
import { customerLabel, formatCount, formatMoney } from "../../lib/segment-format"
import type { SegmentCustomer } from "../../lib/segment-types"

/**
 * Customers with the facts a segment is built on: who, where, orders, last order, spend and
 * points; each links to the customer's page, and `onExplain` adds a "Why?" per row.
 */
export const CustomerSampleTable = ({
  customers,
  onExplain,
  extraColumn,
}: {
  customers: SegmentCustomer[]
  onExplain?: (customer: SegmentCustomer) => void
  extraColumn?: { header: string; cell: (customer: SegmentCustomer) => ReactNode }
}) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Customer</Table.HeaderCell>
        <Table.HeaderCell>Location</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
        <Table.HeaderCell>Last order</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Spent</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Points</Table.HeaderCell>
        {extraColumn && <Table.HeaderCell>{extraColumn.header}</Table.HeaderCell>}
        {onExplain && <Table.HeaderCell />}
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {customers.map((customer) => (
        <Table.Row key={customer.customer_id}>
          <Table.Cell>
            <div className="flex flex-col py-1">
              <Link to={`/customers/${customer.customer_id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:underline">
                {customerLabel(customer)}
              </Link>
              {customer.email && customerLabel(customer) !== customer.email && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {customer.email}
                </Text>
              )}
            </div>
          </Table.Cell>
          <Table.Cell>
            {[customer.city, customer.country_code ? countryName(customer.country_code) : null].filter(Boolean).join(", ") || "—"}
          </Table.Cell>
          <Table.Cell className="text-right tabular-nums">{formatCount(customer.order_count)}</Table.Cell>
          <Table.Cell>{formatDate(customer.last_order_at)}</Table.Cell>
          <Table.Cell className="text-right tabular-nums">{formatMoney(customer.total_spent, customer.main_currency_code)}</Table.Cell>
          <Table.Cell className="text-right tabular-nums">{formatCount(customer.points_balance)}</Table.Cell>
          {extraColumn && <Table.Cell>{extraColumn.cell(customer)}</Table.Cell>}
          {onExplain && (
            <Table.Cell className="text-right">
              <Button size="small" variant="transparent" type="button" onClick={() => onExplain(customer)}>
                Why?
              </Button>
            </Table.Cell>
          )}
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
