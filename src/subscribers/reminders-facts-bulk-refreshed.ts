import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerFactsEvents, type BulkRefreshReason, type CustomerFactsBulkRefreshedPayload } from "../modules/customer-facts/events"
import { syncAllReminderCoverageWorkflow } from "../workflows/reminders/sync-all-reminder-coverage"

/** The nightly RFM run changes scores, not purchases: coverage cannot have moved. */
const PURCHASES_CHANGED: BulkRefreshReason[] = ["import", "backfill"]

/** A history import or a facts backfill rebuilt many customers' purchases → every rule's buyers' coverage and reminders. */
export default async function remindersFactsBulkRefreshed({ event, container }: SubscriberArgs<CustomerFactsBulkRefreshedPayload>) {
  if (PURCHASES_CHANGED.includes(event.data.reason)) {
    await syncAllReminderCoverageWorkflow(container).run({ input: {} })
  }
}

export const config: SubscriberConfig = { event: CustomerFactsEvents.BULK_REFRESHED, context: { subscriberId: "reminders-facts-bulk-refreshed" } }
