import { Container, Heading, Text } from "@medusajs/ui"
import { useEmailCampaignProgress } from "../../hooks/use-email-campaigns"
import { campaignProgressView, type ProgressSegment } from "../../lib/email-campaign-progress"
import type { EmailCampaign } from "../../lib/email-campaign-types"
import { formatCount } from "../../lib/segment-format"
import { QueryState } from "../common/query-state"

const COLOR: Record<ProgressSegment["key"], string> = {
  sent: "bg-ui-tag-green-icon",
  failed: "bg-ui-tag-red-icon",
  suppressed: "bg-ui-tag-orange-icon",
  remaining: "bg-ui-bg-component",
}

const TITLE: Partial<Record<EmailCampaign["status"], string>> = {
  sending: "Sending",
  paused: "Paused",
  sent: "Sent",
  cancelled: "Cancelled",
}

/**
 * Sent / failed / suppressed / remaining of the treated recipients as one bar, with the send rate
 * over the last minute and the time left; read every 2 s while the campaign sends.
 */
export const CampaignProgressCard = ({ campaign }: { campaign: EmailCampaign }) => {
  const { data, isLoading, isError, error } = useEmailCampaignProgress(campaign.id, campaign.status)
  const view = data ? campaignProgressView(data) : null
  const status = data?.status ?? campaign.status
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading level="h2">{TITLE[status] ?? "Progress"}</Heading>
        {view && (
          <Text size="small" className="text-ui-fg-subtle tabular-nums">
            {formatCount(view.done)} of {formatCount(view.total)} done ({view.percentDone} %)
          </Text>
        )}
      </div>
      <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Reading progress…" isEmpty={false} emptyText="">
        {view && data && (
          <>
            <div
              role="progressbar"
              aria-label="Sending progress"
              aria-valuemin={0}
              aria-valuemax={view.total}
              aria-valuenow={view.done}
              className="bg-ui-bg-component shadow-borders-base flex h-3 w-full overflow-hidden rounded-full"
            >
              {view.segments
                .filter((s) => s.key !== "remaining" && s.count > 0)
                .map((s) => (
                  <div key={s.key} className={`${COLOR[s.key]} h-full transition-[width] duration-500`} style={{ width: `${s.percent}%` }} title={`${s.label}: ${formatCount(s.count)}`} />
                ))}
            </div>
            <div className="flex flex-wrap items-center gap-x-5 gap-y-1">
              {view.segments.map((s) => (
                <span key={s.key} className="txt-compact-small flex items-center gap-x-1.5">
                  <span className={`${COLOR[s.key]} shadow-borders-base size-2 rounded-full`} />
                  <span className="text-ui-fg-subtle">{s.label}</span>
                  <span className="txt-compact-small-plus tabular-nums">{formatCount(s.count)}</span>
                </span>
              ))}
              <span className="txt-compact-small text-ui-fg-subtle">
                Held out <span className="txt-compact-small-plus text-ui-fg-base tabular-nums">{formatCount(data.held_out)}</span>
              </span>
            </div>
            {status === "sending" && (
              <Text size="small" className="text-ui-fg-subtle tabular-nums">
                {data.per_second ? `${data.per_second} e-mails/s over the last minute` : "Waiting for the first batch"} · time left: {view.eta}
              </Text>
            )}
            {campaign.last_error && (
              <Text size="small" className="text-ui-fg-error">
                Last error: {campaign.last_error}
              </Text>
            )}
          </>
        )}
      </QueryState>
    </Container>
  )
}
