import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerFactsEvents } from "../modules/customer-facts/events"
import { syncCustomerRemindersWorkflow } from "../workflows/reminders/sync-customer-reminders"

/** Customers' purchase facts were rebuilt → their coverage and reminders. */
export default async function remindersFactsRefreshed({ event, container }: SubscriberArgs<{ customer_ids: string[] }>) {
  if (event.data.customer_ids?.length) {
    await syncCustomerRemindersWorkflow(container).run({ input: { customer_ids: event.data.customer_ids } })
  }
}

export const config: SubscriberConfig = { event: CustomerFactsEvents.REFRESHED, context: { subscriberId: "reminders-facts-refreshed" } }
