import { Button, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDateTime } from "../../lib/format"
import { formatCount } from "../../lib/segment-format"
import type { CustomerSegment } from "../../lib/segment-types"

/** The segments one customer is in: since when, the segment's size, and "Why?". */
export const CustomerSegmentsTable = ({
  segments,
  onExplain,
}: {
  segments: CustomerSegment[]
  onExplain: (segment: CustomerSegment) => void
}) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Segment</Table.HeaderCell>
        <Table.HeaderCell>Member since</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Members</Table.HeaderCell>
        <Table.HeaderCell />
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {segments.map((segment) => (
        <Table.Row key={segment.id}>
          <Table.Cell>
            <Link to={`/segments/${segment.id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:underline">
              {segment.name}
            </Link>
            {segment.customer_group_id && (
              <Text size="xsmall" className="text-ui-fg-muted">
                synced to a customer group
              </Text>
            )}
          </Table.Cell>
          <Table.Cell>{formatDateTime(segment.entered_at)}</Table.Cell>
          <Table.Cell className="text-right tabular-nums">{formatCount(segment.member_count)}</Table.Cell>
          <Table.Cell className="text-right">
            <Button size="small" variant="transparent" onClick={() => onExplain(segment)}>
              Why?
            </Button>
          </Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
