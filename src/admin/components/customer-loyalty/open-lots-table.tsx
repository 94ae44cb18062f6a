import { Badge, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDate, formatPoints } from "../../lib/format"
import type { PointsLot } from "../../lib/types"

/** The lots points are spent from, first-expiring first, with what is left of each. */
export const OpenLotsTable = ({ lots }: { lots: PointsLot[] }) => {
  const now = Date.now()
  return (
    <div className="flex flex-col">
      <div className="px-6 py-4">
        <Heading level="h3">Open lots</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Points are spent from the lot that expires first.
        </Text>
      </div>
      {lots.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 pb-4">
          No open lots.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Points</Table.HeaderCell>
              <Table.HeaderCell>Remaining</Table.HeaderCell>
              <Table.HeaderCell>Earned</Table.HeaderCell>
              <Table.HeaderCell>Available from</Table.HeaderCell>
              <Table.HeaderCell>Expires</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lots.map((lot) => (
              <Table.Row key={lot.id}>
                <Table.Cell>{formatPoints(lot.points)}</Table.Cell>
                <Table.Cell>{formatPoints(lot.remaining)}</Table.Cell>
                <Table.Cell>{formatDate(lot.earned_at)}</Table.Cell>
                <Table.Cell>
                  <div className="flex items-center gap-x-2">
                    {formatDate(lot.available_at)}
                    {new Date(lot.available_at).getTime() > now && (
                      <Badge size="2xsmall" color="orange">
                        Pending
                      </Badge>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell>{lot.expires_at ? formatDate(lot.expires_at) : "Never"}</Table.Cell>
                <Table.Cell>
                  {lot.order_id ? (
                    <Link to={`/orders/${lot.order_id}`} className="text-ui-fg-interactive hover:underline">
                      View order
                    </Link>
                  ) : (
                    "—"
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}
