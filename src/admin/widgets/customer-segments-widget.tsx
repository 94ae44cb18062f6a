import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { CustomerSegmentsTable } from "../components/segments/customer-segments-table"
import { LookupPicker } from "../components/segments/lookup-picker"
import { SavedExplainDrawer } from "../components/segments/saved-explain-drawer"
import { useCustomerSegments, useSegmentFields } from "../hooks/use-segments"
import { useLookupNames } from "../hooks/use-segment-lookups"
import { errorMessage } from "../lib/error-message"

/**
 * The segments a customer is in, on their page, with "Why?" for each, and a picker to ask why
 * they are not in another one: the segment's tree evaluated for them, node by node.
 */
const CustomerSegmentsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useCustomerSegments(customer.id)
  const fields = useSegmentFields()
  const [explaining, setExplaining] = useState<{ id: string; name: string } | null>(null)
  const [other, setOther] = useState<string[]>([])
  const otherNames = useLookupNames("segment_id", other)
  const segments = data?.segments ?? []
  const customerName = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email

  const explainOther = (ids: string[]) => {
    setOther(ids)
    if (ids[0]) {
      setExplaining({ id: ids[0], name: otherNames.data?.get(ids[0])?.label ?? "the segment" })
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Segments</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The segments this customer is in now, and why.
        </Text>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(error)}
        </Text>
      ) : isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          Loading segments…
        </Text>
      ) : segments.length ? (
        <CustomerSegmentsTable segments={segments} onExplain={(segment) => setExplaining({ id: segment.id, name: segment.name })} />
      ) : (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          Not in any segment.
        </Text>
      )}
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus" id="why-not-label">
          Why not in another segment?
        </Text>
        <LookupPicker
          id="why-not-segment"
          kind="segment_id"
          label="Segment to explain"
          value={other}
          onChange={explainOther}
          single
          exclude={segments.map((segment) => segment.id)}
        />
      </div>
      <SavedExplainDrawer
        segmentId={explaining?.id ?? null}
        segmentName={explaining?.id ? (otherNames.data?.get(explaining.id)?.label ?? explaining.name) : ""}
        customerId={customer.id}
        customerName={customerName}
        fields={fields.data?.fields ?? []}
        onClose={() => setExplaining(null)}
      />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "retention:customer-segments",
})

export default CustomerSegmentsWidget
