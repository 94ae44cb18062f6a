import { Container, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useSegment, useSegmentFields } from "../../hooks/use-segments"
import { errorMessage } from "../../lib/error-message"
import { SegmentActions } from "./segment-actions"
import { SegmentBuilder } from "./segment-builder"
import { SegmentMembersSection } from "./segment-members-section"
import { SegmentStatus } from "./segment-status"

/**
 * The builder once what it needs is loaded: the field catalogue and, to edit, the segment. A
 * saved segment also shows its status, actions and members; the builder's draft is made once per
 * segment, so the polling that follows a save does not reset what the merchant is typing.
 */
export const SegmentBuilderLoader = ({ segmentId }: { segmentId?: string }) => {
  const navigate = useNavigate()
  const fields = useSegmentFields()
  const segment = useSegment(segmentId)
  const error = fields.error ?? segment.error

  if (error) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(error)}
        </Text>
      </Container>
    )
  }
  if (!fields.data || (segmentId && !segment.data)) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-muted">
          Loading…
        </Text>
      </Container>
    )
  }
  const saved = segment.data?.segment
  return (
    <div className="flex flex-col gap-y-3">
      <SegmentBuilder
        key={saved?.id ?? "new"}
        segment={saved}
        catalog={fields.data}
        header={
          saved && (
            <div className="flex items-center gap-x-2">
              <SegmentStatus segment={saved} />
              <SegmentActions segment={saved} showEdit={false} onDeleted={() => navigate("/segments")} />
            </div>
          )
        }
      />
      {saved && <SegmentMembersSection segment={saved} fields={fields.data.fields} />}
    </div>
  )
}
