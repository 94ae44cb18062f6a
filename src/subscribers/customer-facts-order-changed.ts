import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderEditWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { refreshCustomerFactsWorkflow } from "../workflows/customer-facts/refresh-customer-facts"

/** An order was placed, canceled, completed, edited, returned, claimed or exchanged → its customer's facts. */
export default async function customerFactsOrderChanged({ event, container }: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const orderId = event.data.order_id ?? event.data.id
  if (!orderId) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: orderId } })
  const customerId = data[0]?.customer_id
  if (customerId) {
    await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [customerId] } })
  }
}

export const config: SubscriberConfig = {
  event: [
    OrderWorkflowEvents.PLACED,
    OrderWorkflowEvents.CANCELED,
    OrderWorkflowEvents.COMPLETED,
    OrderWorkflowEvents.UPDATED,
    OrderWorkflowEvents.RETURN_RECEIVED,
    OrderWorkflowEvents.CLAIM_CREATED,
    OrderWorkflowEvents.EXCHANGE_CREATED,
    OrderEditWorkflowEvents.CONFIRMED,
  ],
  context: { subscriberId: "customer-facts-order-changed" },
}
