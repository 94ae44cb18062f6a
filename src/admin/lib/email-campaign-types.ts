/**
 * The shapes the e-mail campaigns admin API returns and accepts, as the dashboard sees them (JSON:
 * dates are ISO strings). They mirror src/api/admin/email-campaigns; the lift statistics are the
 * module's own type, imported as a type only (nothing of the server is bundled).
 */
import type { CurrencyLift, Interval } from "../../modules/email-campaigns/utils/incrementality"

export type { CurrencyLift, Interval }

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "paused", "sent", "cancelled"] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

export type AttributionModel = "click" | "click_or_open"
export type CampaignAction = "schedule" | "pause" | "resume" | "cancel"

export type CampaignUtm = { source?: string; medium?: string; campaign?: string; content?: string }

export type EmailCampaignTemplate = {
  id: string
  language: string
  subject: string
  html: string
  text: string
}

export type EmailCampaign = {
  id: string
  name: string
  segment_id: string
  status: CampaignStatus
  from_email: string
  from_name: string | null
  reply_to: string | null
  default_language: string
  language_key: string
  holdout_percent: number
  attribution_window_days: number
  attribution_model: AttributionModel
  utm: CampaignUtm | null
  scheduled_at: string | null
  started_at: string | null
  finished_at: string | null
  paused_at: string | null
  audience_size: number
  holdout_size: number
  last_error: string | null
  created_at: string
  updated_at: string
  /** Only on retrieve (GET /:id), create and update. */
  templates?: EmailCampaignTemplate[]
}

export type AdminEmailCampaignsParams = { limit: number; offset: number; status?: string }
export type AdminEmailCampaignsResponse = { email_campaigns: EmailCampaign[]; count: number; limit: number; offset: number }
export type AdminEmailCampaignResponse = { email_campaign: EmailCampaign & { templates: EmailCampaignTemplate[] } }
export type AdminEmailCampaignDeleteResponse = { id: string; object: "email_campaign"; deleted: boolean }

/** The body of a create; an update takes any subset of it. */
export type AdminEmailCampaignPayload = {
  name: string
  segment_id: string
  from_email: string
  from_name?: string | null
  reply_to?: string | null
  default_language?: string
  language_key?: string
  holdout_percent?: number
  attribution_window_days?: number
  attribution_model?: AttributionModel
  utm?: CampaignUtm | null
  templates: { language: string; subject: string; html: string; text: string }[]
}

export type AdminEmailCampaignStatusPayload = { action: CampaignAction; send_at?: string }

export type AdminEmailCampaignProgressResponse = {
  id: string
  status: CampaignStatus
  audience_size: number
  holdout_size: number
  sent: number
  failed: number
  suppressed: number
  pending: number
  sending: number
  held_out: number
  sent_last_minute: number
  /** Pending plus claimed in a batch now. */
  remaining: number
  per_second: number
  eta_seconds: number | null
}

export type CampaignCounts = {
  audience: number
  holdout: number
  sent: number
  failed: number
  suppressed: number
  delivered: number
  bounced: number
  opened: number
  clicked: number
  unsubscribed: number
}

export type AttributedRevenue = { currency_code: string; orders: number; revenue: number }

export type AdminEmailCampaignReportResponse = {
  id: string
  status: CampaignStatus
  /** The attribution window after sending started, over which treated and holdout orders are compared. */
  window: { from: string | null; to: string | null }
  counts: CampaignCounts
  attributed: AttributedRevenue[]
  lift: CurrencyLift[]
}

export type CampaignPreview = {
  language: string
  subject: string
  html: string
  text: string
  from_email: string
  from_name: string | null
}
export type AdminEmailCampaignPreviewResponse = { preview: CampaignPreview }

export type AdminEmailCampaignTestSendPayload = { email: string; customer_id?: string; language?: string }
export type AdminEmailCampaignTestSendResponse = { sent: boolean; message_id: string; language: string }
