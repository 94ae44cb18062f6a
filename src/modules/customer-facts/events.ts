/** Events the customer facts module emits. */
export const CustomerFactsEvents = {
  /** payload: `{ customer_ids: string[] }`: these customers' facts were rebuilt (they may be unchanged). */
  REFRESHED: "customer_facts.refreshed",
  /** payload: `{ customers: number }`: a backfill or an import rebuilt many customers at once. */
  BULK_REFRESHED: "customer_facts.bulk_refreshed",
} as const
