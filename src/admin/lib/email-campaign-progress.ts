/** What the progress bar of a sending campaign shows, from GET /admin/email-campaigns/:id/progress. */
import type { AdminEmailCampaignProgressResponse, CampaignStatus } from "./email-campaign-types"

export type ProgressSegment = { key: "sent" | "failed" | "suppressed" | "remaining"; label: string; count: number; percent: number }

export type CampaignProgressView = {
  /** The treated recipients: everyone the campaign sends to (the holdout is never sent to). */
  total: number
  done: number
  percentDone: number
  segments: ProgressSegment[]
  eta: string
}

/** Seconds as "45 s", "3 min", "1 h 5 min"; what to say when there is no rate yet. */
export function formatEta(seconds: number | null, status: CampaignStatus): string {
  if (status !== "sending") {
    return status === "paused" ? "paused" : "—"
  }
  if (seconds === null) {
    return "estimating…"
  }
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest ? `${hours} h ${rest} min` : `${hours} h`
}

/** Sent, failed, suppressed and remaining as shares of the treated recipients (they add up to 100 %). */
export function campaignProgressView(progress: AdminEmailCampaignProgressResponse): CampaignProgressView {
  const remaining = progress.pending + progress.sending
  const total = progress.sent + progress.failed + progress.suppressed + remaining
  const share = (count: number) => (total ? (count / total) * 100 : 0)
  const segments: ProgressSegment[] = [
    { key: "sent", label: "Sent", count: progress.sent, percent: share(progress.sent) },
    { key: "failed", label: "Failed", count: progress.failed, percent: share(progress.failed) },
    { key: "suppressed", label: "Suppressed (frequency cap)", count: progress.suppressed, percent: share(progress.suppressed) },
    { key: "remaining", label: "Remaining", count: remaining, percent: share(remaining) },
  ]
  const done = total - remaining
  return { total, done, percentDone: total ? Math.floor((done / total) * 100) : 0, segments, eta: formatEta(progress.eta_seconds, progress.status) }
}
