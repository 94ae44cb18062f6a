import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerFactsEvents } from "../modules/customer-facts/events"
import { refreshLiveSegments } from "../workflows/segments/refresh-live-segments"

/** Many customers' facts changed at once (backfill, import, nightly RFM) → every live segment in full. */
export default async function segmentsFactsBulkRefreshed({ container }: SubscriberArgs<{ customers: number }>) {
  await refreshLiveSegments(container, { all: true })
}

export const config: SubscriberConfig = {
  event: CustomerFactsEvents.BULK_REFRESHED,
  context: { subscriberId: "segments-facts-bulk-refreshed" },
}
