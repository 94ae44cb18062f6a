import { useExplainSegment, useSegment } from "../../hooks/use-segments"
import type { FieldDescription } from "../../lib/segment-types"
import { ExplainDrawer } from "./explain-drawer"

/** "Why?" for a saved segment and one customer: its stored tree evaluated for them now. */
export const SavedExplainDrawer = ({
  segmentId,
  segmentName,
  customerId,
  customerName,
  fields,
  onClose,
}: {
  segmentId: string | null
  segmentName: string
  customerId: string
  customerName: string
  fields: FieldDescription[]
  onClose: () => void
}) => {
  const explain = useExplainSegment(segmentId, customerId)
  const segment = useSegment(segmentId ?? undefined)
  return (
    <ExplainDrawer
      open={!!segmentId}
      onOpenChange={(open) => !open && onClose()}
      segmentName={segmentName}
      customerName={customerName}
      explanation={explain.data?.explanation}
      isLoading={explain.isLoading}
      error={explain.error}
      definition={segment.data?.segment.definition}
      fields={fields}
    />
  )
}
