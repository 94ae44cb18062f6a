import { Container, Heading, Input, Textarea } from "@medusajs/ui"
import { FormField } from "../common/form-field"
import type { SegmentDetailsDraft } from "./segment-draft"

/** The segment's name and description. */
export const SegmentDetailsSection = ({
  details,
  onChange,
  errors,
}: {
  details: SegmentDetailsDraft
  onChange: (patch: Partial<SegmentDetailsDraft>) => void
  errors: { name?: string; description?: string }
}) => (
  <Container className="flex flex-col gap-y-4 px-6 py-4">
    <Heading level="h2">Details</Heading>
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <FormField id="segment-name" label="Name" error={errors.name}>
        <Input
          id="segment-name"
          value={details.name}
          onChange={(event) => onChange({ name: event.target.value })}
          placeholder="Europe except France, owns 2.0, not 3.0"
          aria-invalid={!!errors.name || undefined}
        />
      </FormField>
      <FormField id="segment-description" label="Description" optional error={errors.description}>
        <Textarea
          id="segment-description"
          rows={1}
          value={details.description}
          onChange={(event) => onChange({ description: event.target.value })}
          placeholder="Who they are and what the segment is for"
        />
      </FormField>
    </div>
  </Container>
)
