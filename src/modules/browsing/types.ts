export const BROWSING_EVENT_TYPES = ["product_viewed", "added_to_cart"] as const
export type BrowsingEventType = (typeof BROWSING_EVENT_TYPES)[number]

export type BrowsingOptions = {
  /** Days browsing activity is kept; older days are purged by the daily job. */
  retentionDays?: number
  /** At most `maxEvents` events per visitor per `windowSeconds`; more are refused (HTTP 429). */
  rateLimit?: { maxEvents: number; windowSeconds: number }
}

export type ResolvedBrowsingOptions = Required<BrowsingOptions>

export const BROWSING_DEFAULTS: ResolvedBrowsingOptions = {
  retentionDays: 90,
  rateLimit: { maxEvents: 120, windowSeconds: 60 },
}

/** Who sent an event: a logged-in customer, or an anonymous storefront id. */
export type BrowsingVisitor = { customer_id: string } | { anonymous_id: string }

export type RecordBrowsingInput = {
  visitor: BrowsingVisitor
  type: BrowsingEventType
  product_id: string
  at?: Date
}

export type RecordBrowsingResult =
  | { recorded: true; visitor_key: string; product_id: string; activity_date: Date; type: BrowsingEventType }
  | { recorded: false; reason: "rate_limited" }
