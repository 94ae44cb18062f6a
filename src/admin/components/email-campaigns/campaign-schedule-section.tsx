import { Container, Heading, Input, Label, RadioGroup, Text } from "@medusajs/ui"
import type { ScheduleDraft } from "../../lib/email-campaign-draft"
import type { EmailCampaign } from "../../lib/email-campaign-types"
import { formatDateTime } from "../../lib/format"

/**
 * When "Schedule" sends: now (the worker starts it within a minute) or at a date and time. A
 * campaign already scheduled shows its time.
 */
export const CampaignScheduleSection = ({
  campaign,
  schedule,
  onChange,
  error,
}: {
  campaign?: EmailCampaign
  schedule: ScheduleDraft
  onChange: (schedule: ScheduleDraft) => void
  error?: string
}) => {
  if (campaign && campaign.status !== "draft") {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4">
        <Heading level="h2">Schedule</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {campaign.started_at
            ? `Sending started ${formatDateTime(campaign.started_at)}.`
            : campaign.status === "cancelled"
              ? "Cancelled before it started."
              : `Scheduled for ${formatDateTime(campaign.scheduled_at)}${campaign.status === "paused" ? " (paused: resume to keep this time)" : ""}.`}
        </Text>
      </Container>
    )
  }
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Schedule</Heading>
      <RadioGroup value={schedule.when} onValueChange={(when) => onChange({ ...schedule, when: when as ScheduleDraft["when"] })} className="flex flex-col gap-y-2">
        <div className="flex items-center gap-x-2">
          <RadioGroup.Item value="now" id="schedule-now" />
          <Label htmlFor="schedule-now" size="small">
            Send now <span className="text-ui-fg-muted">(starts within a minute)</span>
          </Label>
        </div>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <RadioGroup.Item value="at" id="schedule-at" />
          <Label htmlFor="schedule-at" size="small">
            Send at
          </Label>
          <Input
            id="schedule-at-time"
            aria-label="Date and time to send at"
            type="datetime-local"
            size="small"
            className="w-[220px]"
            value={schedule.at}
            onChange={(event) => onChange({ when: "at", at: event.target.value })}
            aria-invalid={!!error || undefined}
          />
        </div>
      </RadioGroup>
      {error && (
        <Text size="small" className="text-ui-fg-error">
          {error}
        </Text>
      )}
    </Container>
  )
}
