import { Badge, Drawer, InlineTip, Text } from "@medusajs/ui"
import { useReferenceNames } from "../../hooks/use-segment-lookups"
import { errorMessage } from "../../lib/error-message"
import { collectReferences } from "../../lib/segment-references"
import type { FieldDescription, SegmentExplanation } from "../../lib/segment-types"
import { ExplainTree } from "./explain-tree"

/**
 * "Why is this customer in or out": the segment's tree evaluated for one customer, in a drawer.
 * `definition` is the tree that was explained, so the ids in it can be named.
 */
export const ExplainDrawer = ({
  open,
  onOpenChange,
  segmentName,
  customerName,
  explanation,
  isLoading,
  error,
  definition,
  fields,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  segmentName: string
  customerName: string
  explanation: SegmentExplanation | undefined
  isLoading: boolean
  error: unknown
  definition: unknown
  fields: FieldDescription[]
}) => {
  const { nameOf } = useReferenceNames(collectReferences(definition, fields))
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Why? {segmentName}</Drawer.Title>
          <Drawer.Description>
            Each condition of the segment, evaluated now for {customerName}.
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {error ? (
            <Text size="small" className="text-ui-fg-error">
              {errorMessage(error)}
            </Text>
          ) : isLoading || !explanation ? (
            <Text size="small" className="text-ui-fg-muted">
              Evaluating…
            </Text>
          ) : (
            <>
              <div className="flex items-center gap-x-2">
                <Badge color={explanation.member ? "green" : "red"}>{explanation.member ? "In the segment" : "Not in the segment"}</Badge>
              </div>
              {!explanation.has_facts && (
                <InlineTip label="No facts yet" variant="warning">
                  This customer has no facts row yet (no order or profile event since the facts were built), so every
                  condition reads as empty. Run the facts backfill or wait for their next event.
                </InlineTip>
              )}
              <ul aria-label="Explained conditions">
                <ExplainTree node={explanation.tree} nameOf={nameOf} />
              </ul>
            </>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
