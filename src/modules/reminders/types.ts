export type RemindersOptions = {
  /** Where a one-click reorder lands: `{cart_id}` is replaced by the new cart's id. */
  cartUrl?: string
  /** Public base URL of this Medusa server, for links in e-mails. */
  publicUrl?: string
  /** Days a reorder link stays valid. */
  reorderLinkDays?: number
  /** A cart updated within this many days that holds the product suppresses its reminder. */
  openCartDays?: number
  /** Minutes a sender's claim lasts before another run may take the reminder over. */
  leaseMinutes?: number
  /** Reminders claimed and sent per batch. */
  batchSize?: number
  /** Times a send the provider refused is tried again, on later runs, before the reminder fails for good. */
  sendRetries?: number
  /** Wait before the first retry of a failed send; each further retry waits twice as long. */
  retryBackoffMinutes?: number
}

export type ResolvedRemindersOptions = Required<RemindersOptions>

export const REMINDER_DEFAULTS: ResolvedRemindersOptions = {
  cartUrl: "http://localhost:8000/cart?cart_id={cart_id}",
  publicUrl: "http://localhost:9000",
  reorderLinkDays: 30,
  openCartDays: 14,
  leaseMinutes: 15,
  batchSize: 500,
  sendRetries: 3,
  retryBackoffMinutes: 60,
}

/** Suppression reasons, checked in this order right before a reminder is sent. */
export const SUPPRESSION_REASONS = ["rule_inactive", "reordered", "open_cart", "no_consent", "unsubscribed", "frequency_cap", "no_email"] as const
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number]
