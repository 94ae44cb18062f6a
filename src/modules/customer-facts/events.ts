/** Events the customer facts module emits. */
export const CustomerFactsEvents = {
  /** payload: `{ customer_ids: string[] }`: these customers' facts were rebuilt (they may be unchanged). */
  REFRESHED: "customer_facts.refreshed",
  /** payload: `{ customers: number }`: a backfill or an import rebuilt many customers at once. */
  BULK_REFRESHED: "customer_facts.bulk_refreshed",
  /** payload: `{ requested_by }`: an admin asked for a full backfill; the worker runs it. */
  BACKFILL_REQUESTED: "customer_facts.backfill_requested",
} as const
