import { useExplainDefinition } from "../../hooks/use-segments"
import { customerLabel } from "../../lib/segment-format"
import type { FieldDescription, SegmentCustomer } from "../../lib/segment-types"
import { ExplainDrawer } from "./explain-drawer"

/** "Why?" for a customer of the builder's sample: the tree as edited (unsaved) evaluated for them. */
export const DefinitionExplainDrawer = ({
  customer,
  onClose,
  definition,
  segmentId,
  segmentName,
  fields,
}: {
  customer: SegmentCustomer | null
  onClose: () => void
  definition: unknown
  segmentId?: string
  segmentName: string
  fields: FieldDescription[]
}) => {
  const explain = useExplainDefinition(definition, customer?.customer_id ?? null, segmentId)
  return (
    <ExplainDrawer
      open={!!customer}
      onOpenChange={(open) => !open && onClose()}
      segmentName={segmentName}
      customerName={customer ? customerLabel(customer) : ""}
      explanation={explain.data?.explanation}
      isLoading={explain.isLoading}
      error={explain.error}
      definition={definition}
      fields={fields}
    />
  )
}
