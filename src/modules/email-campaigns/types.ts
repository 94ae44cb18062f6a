export type EmailCampaignsOptions = {
  /** SendGrid API key; SENDGRID_API_KEY when unset. Without one, campaigns cannot send. */
  sendgridApiKey?: string
  /** SendGrid API base URL (the local fake in tests and the demo); SENDGRID_BASE_URL or SendGrid's when unset. */
  sendgridBaseUrl?: string
  /** The public key of SendGrid's signed event webhook (base64 or PEM); SENDGRID_WEBHOOK_PUBLIC_KEY. */
  webhookPublicKey?: string
  /** Public base URL of this server, for tracking and unsubscribe links. */
  publicUrl?: string
  /** Personalizations per SendGrid request (SendGrid allows at most 1000). */
  batchSize?: number
  /** A batch claimed longer ago than this by a sender that no longer answers is recovered. */
  recoveryGraceMinutes?: number
  /** Retries of a batch on 5xx or network errors before it is put back for a later run. */
  maxRetries?: number
  /** Days tracking links stay valid. */
  linkDays?: number
  /** SendGrid requests one sender has in flight at once (each of up to batchSize personalizations). */
  sendConcurrency?: number
}

export type ResolvedEmailCampaignsOptions = Required<Omit<EmailCampaignsOptions, "sendgridApiKey" | "sendgridBaseUrl" | "webhookPublicKey">> & {
  sendgridApiKey: string | null
  sendgridBaseUrl: string | null
  webhookPublicKey: string | null
}

export const CAMPAIGN_DEFAULTS = {
  publicUrl: "http://localhost:9000",
  batchSize: 1000,
  recoveryGraceMinutes: 15,
  maxRetries: 5,
  linkDays: 90,
  sendConcurrency: 2,
}

export type RecipientRow = {
  id: string
  campaign_id: string
  customer_id: string
  email: string
  first_name: string | null
  language: string
  group: "treatment" | "holdout"
  status: string
  batch_id: string | null
  attempts: number
}

/** An event to record: SendGrid's (with its sg_event_id) or a tracked open or click. */
export type CampaignEventInput = {
  event_key: string
  recipient_id: string
  campaign_id: string
  type: "processed" | "delivered" | "deferred" | "bounce" | "dropped" | "spamreport" | "unsubscribe" | "open" | "click"
  occurred_at: Date
  url?: string | null
  source: "sendgrid" | "tracking"
}

/** Per group and currency: recipients, buyers within the window, and the sums for mean and variance of revenue per recipient. */
export type GroupOutcome = { group: "treatment" | "holdout"; recipients: number; buyers: number; currency_code: string | null; revenue: number; revenue_sq: number }
