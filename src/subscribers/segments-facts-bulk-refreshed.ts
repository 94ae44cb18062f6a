import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerFactsEvents, type CustomerFactsBulkRefreshedPayload } from "../modules/customer-facts/events"
import { refreshLiveSegments } from "../workflows/segments/refresh-live-segments"

/** Many customers' facts changed at once (backfill, import, nightly RFM: any reason) → every live segment in full. */
export default async function segmentsFactsBulkRefreshed({ container }: SubscriberArgs<CustomerFactsBulkRefreshedPayload>) {
  await refreshLiveSegments(container, { all: true })
}

export const config: SubscriberConfig = {
  event: CustomerFactsEvents.BULK_REFRESHED,
  context: { subscriberId: "segments-facts-bulk-refreshed" },
}
