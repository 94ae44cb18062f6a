/** Events the customer facts module emits. */
export const CustomerFactsEvents = {
  /** payload: `{ customer_ids: string[] }`: these customers' facts were rebuilt (they may be unchanged). */
  REFRESHED: "customer_facts.refreshed",
  /**
   * payload: `CustomerFactsBulkRefreshedPayload`: many customers' facts changed at once, and why:
   * an import or a backfill (purchases may be new) or the nightly RFM run (scores only).
   */
  BULK_REFRESHED: "customer_facts.bulk_refreshed",
  /** payload: `{ requested_by }`: an admin asked for a full backfill; the worker runs it. */
  BACKFILL_REQUESTED: "customer_facts.backfill_requested",
} as const

/** Why many customers' facts changed at once. */
export type BulkRefreshReason = "import" | "backfill" | "rfm"

export type CustomerFactsBulkRefreshedPayload = { customers: number; reason: BulkRefreshReason }
