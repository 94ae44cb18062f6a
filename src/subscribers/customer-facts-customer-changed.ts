import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { refreshCustomerFactsWorkflow } from "../workflows/customer-facts/refresh-customer-facts"

/** A customer was created, updated or deleted → their facts (a deleted customer's are removed). */
export default async function customerFactsCustomerChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [event.data.id] } })
}

export const config: SubscriberConfig = {
  event: [CustomerWorkflowEvents.CREATED, CustomerWorkflowEvents.UPDATED, CustomerWorkflowEvents.DELETED],
  context: { subscriberId: "customer-facts-customer-changed" },
}
