import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useSegmentMembers } from "../../hooks/use-segments"
import { errorMessage } from "../../lib/error-message"
import { formatDateTime } from "../../lib/format"
import { customerLabel, formatCount } from "../../lib/segment-format"
import type { FieldDescription, Segment, SegmentCustomer } from "../../lib/segment-types"
import { CustomerSampleTable } from "./customer-sample-table"
import { SavedExplainDrawer } from "./saved-explain-drawer"

const PAGE_SIZE = 20

/**
 * The members stored for a saved segment (what campaigns, exports and the group sync use), paged
 * by customer id: the API pages with a cursor, so the section keeps the cursors it went through
 * to step back.
 */
export const SegmentMembersSection = ({ segment, fields }: { segment: Segment; fields: FieldDescription[] }) => {
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  const [explaining, setExplaining] = useState<SegmentCustomer | null>(null)
  const after = cursors[cursors.length - 1]
  const { data, isLoading, isError, error, isFetching } = useSegmentMembers(segment.id, after, PAGE_SIZE)
  const members = data?.members ?? []
  const enteredAt = new Map(members.map((member) => [member.customer_id, member.entered_at]))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Members</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {segment.refreshing
              ? "Being recomputed for the saved conditions; the list below is the previous membership."
              : `${formatCount(segment.member_count)} customers are in the segment now.`}
          </Text>
        </div>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(error)}
        </Text>
      ) : isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          Loading members…
        </Text>
      ) : !members.length ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          No members{segment.refreshing ? " yet" : ""}.
        </Text>
      ) : (
        <div>
          <CustomerSampleTable
            customers={members}
            onExplain={setExplaining}
            extraColumn={{ header: "Entered", cell: (customer) => formatDateTime(enteredAt.get(customer.customer_id)) }}
          />
          <div className="flex items-center justify-end gap-x-2 px-6 py-3">
            <Button
              size="small"
              variant="secondary"
              disabled={cursors.length === 1 || isFetching}
              onClick={() => setCursors((current) => current.slice(0, -1))}
            >
              Previous
            </Button>
            <Button
              size="small"
              variant="secondary"
              disabled={!data?.next || isFetching}
              onClick={() => data?.next && setCursors((current) => [...current, data.next])}
            >
              Next
            </Button>
          </div>
        </div>
      )}
      <SavedExplainDrawer
        segmentId={explaining ? segment.id : null}
        segmentName={segment.name}
        customerId={explaining?.customer_id ?? ""}
        customerName={explaining ? customerLabel(explaining) : ""}
        fields={fields}
        onClose={() => setExplaining(null)}
      />
    </Container>
  )
}
