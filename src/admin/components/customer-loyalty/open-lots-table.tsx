import { Badge, Button, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { formatDate, formatPoints } from "../../lib/format"
import type { PointsLot } from "../../lib/types"

/** Lots shown before "Show all": the first to expire are the ones a merchant asks about. */
const COLLAPSED_LOTS = 5

/** The lots points are spent from, first-expiring first, with what is left of each. */
export const OpenLotsTable = ({ lots }: { lots: PointsLot[] }) => {
  const [expanded, setExpanded] = useState(false)
  const now = Date.now()
  const shown = expanded ? lots : lots.slice(0, COLLAPSED_LOTS)
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
            {shown.map((lot) => (
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
      {lots.length > COLLAPSED_LOTS && (
        <div className="border-ui-border-base flex justify-center border-t px-6 py-2">
          <Button size="small" variant="transparent" onClick={() => setExpanded((value) => !value)}>
            {expanded ? "Show fewer" : `Show all ${lots.length} lots`}
          </Button>
        </div>
      )}
    </div>
  )
}
