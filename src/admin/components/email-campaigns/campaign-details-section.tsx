import { Container, Heading, Input, Text } from "@medusajs/ui"
import { useSegmentsById } from "../../hooks/use-email-campaigns"
import type { CampaignDraft, CampaignField } from "../../lib/email-campaign-draft"
import { formatCount } from "../../lib/segment-format"
import { FormField } from "../common/form-field"
import { SegmentPicker } from "./segment-picker"

/** Name, target segment (with its member count now) and sender of a campaign. */
export const CampaignDetailsSection = ({
  draft,
  onChange,
  errors,
  readOnly,
}: {
  draft: CampaignDraft
  onChange: (patch: Partial<CampaignDraft>) => void
  errors: Partial<Record<CampaignField, string>>
  readOnly: boolean
}) => {
  const segment = useSegmentsById(draft.segment_id ? [draft.segment_id] : []).data?.get(draft.segment_id)
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <Heading level="h2">Details</Heading>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField id="campaign-name" label="Name" error={errors.name}>
          <Input
            id="campaign-name"
            value={draft.name}
            disabled={readOnly}
            onChange={(event) => onChange({ name: event.target.value })}
            placeholder="Spring collection, returning customers"
            aria-invalid={!!errors.name || undefined}
          />
        </FormField>
        <FormField
          id="campaign-segment"
          label="Segment"
          error={errors.segment_id}
          hint={segment ? `${formatCount(segment.member_count)} members now; those without e-mail consent are left out when sending starts.` : undefined}
        >
          {readOnly ? (
            <Text size="small" className="py-1.5">
              {segment?.name ?? draft.segment_id}
            </Text>
          ) : (
            <SegmentPicker id="campaign-segment" value={draft.segment_id} onChange={(segment_id) => onChange({ segment_id })} invalid={!!errors.segment_id} />
          )}
        </FormField>
        <FormField id="campaign-from-email" label="Sender e-mail" error={errors.from_email}>
          <Input
            id="campaign-from-email"
            type="email"
            value={draft.from_email}
            disabled={readOnly}
            onChange={(event) => onChange({ from_email: event.target.value })}
            placeholder="news@yourshop.com"
            aria-invalid={!!errors.from_email || undefined}
          />
        </FormField>
        <FormField id="campaign-from-name" label="Sender name" optional error={errors.from_name}>
          <Input
            id="campaign-from-name"
            value={draft.from_name}
            disabled={readOnly}
            onChange={(event) => onChange({ from_name: event.target.value })}
            placeholder="Your shop"
            aria-invalid={!!errors.from_name || undefined}
          />
        </FormField>
        <FormField id="campaign-reply-to" label="Reply-to" optional error={errors.reply_to}>
          <Input
            id="campaign-reply-to"
            type="email"
            value={draft.reply_to}
            disabled={readOnly}
            onChange={(event) => onChange({ reply_to: event.target.value })}
            placeholder="support@yourshop.com"
            aria-invalid={!!errors.reply_to || undefined}
          />
        </FormField>
      </div>
    </Container>
  )
}
