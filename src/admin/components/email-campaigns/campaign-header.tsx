import { Text } from "@medusajs/ui"
import { useState } from "react"
import { useSegmentsById } from "../../hooks/use-email-campaigns"
import type { EmailCampaign } from "../../lib/email-campaign-types"
import { formatDateTime } from "../../lib/format"
import { CampaignActions } from "./campaign-actions"
import { CampaignStatusBadge } from "./campaign-status-badge"

/** When the campaign sends, started or finished, in words. */
function timeline(campaign: EmailCampaign): string {
  switch (campaign.status) {
    case "draft":
      return "Not scheduled"
    case "scheduled":
      return new Date(campaign.scheduled_at ?? 0).getTime() <= Date.now()
        ? "Due: the worker starts it within a minute"
        : `Sends ${formatDateTime(campaign.scheduled_at)}`
    case "sending":
      return `Sending since ${formatDateTime(campaign.started_at)}`
    case "paused":
      return `Paused ${formatDateTime(campaign.paused_at)}`
    case "sent":
      return `Sent ${formatDateTime(campaign.started_at)}, finished ${formatDateTime(campaign.finished_at)}`
    case "cancelled":
      return `Cancelled ${formatDateTime(campaign.finished_at)}`
  }
}

/** Under a saved campaign's title: status, its time, the segment, the actions its status allows and their refusals. */
export const CampaignHeader = ({ campaign }: { campaign: EmailCampaign }) => {
  const [actionError, setActionError] = useState<string | null>(null)
  const segment = useSegmentsById([campaign.segment_id]).data?.get(campaign.segment_id)
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <CampaignStatusBadge status={campaign.status} />
        <Text size="small" className="text-ui-fg-subtle">
          {timeline(campaign)}
          {segment && ` · to “${segment.name}”`}
        </Text>
        <CampaignActions campaign={campaign} onError={setActionError} />
      </div>
      {actionError && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {actionError}
        </Text>
      )}
    </div>
  )
}
