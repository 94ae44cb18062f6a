import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerFactsEvents } from "../modules/customer-facts/events"
import { evaluateCustomerSegmentsWorkflow } from "../workflows/segments/evaluate-customer-segments"

/** Customers' facts were rebuilt → their memberships in every live segment. */
export default async function segmentsFactsRefreshed({ event, container }: SubscriberArgs<{ customer_ids: string[] }>) {
  if (event.data.customer_ids?.length) {
    await evaluateCustomerSegmentsWorkflow(container).run({ input: { customer_ids: event.data.customer_ids } })
  }
}

export const config: SubscriberConfig = { event: CustomerFactsEvents.REFRESHED, context: { subscriberId: "segments-facts-refreshed" } }
