import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { isHistoryImportEvent } from "../workflows/customer-facts/import-history-events"
import { refreshCustomerFactsWorkflow } from "../workflows/customer-facts/refresh-customer-facts"

/**
 * A customer was created, updated or deleted → their facts (a deleted customer's are removed).
 * A history import's batches rebuild their customers' facts themselves.
 */
export default async function customerFactsCustomerChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  if (isHistoryImportEvent(event)) {
    return
  }
  await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [event.data.id] } })
}

export const config: SubscriberConfig = {
  event: [CustomerWorkflowEvents.CREATED, CustomerWorkflowEvents.UPDATED, CustomerWorkflowEvents.DELETED],
  context: { subscriberId: "customer-facts-customer-changed" },
}
