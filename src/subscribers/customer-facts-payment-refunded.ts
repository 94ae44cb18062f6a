import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { refreshCustomerFactsWorkflow } from "../workflows/customer-facts/refresh-customer-facts"

/** A payment was refunded → the spend of the order's customer, net of refunds. */
export default async function customerFactsPaymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["payment_collection.order.customer_id"],
    filters: { id: event.data.id },
  })
  const customerId = data[0]?.payment_collection?.order?.customer_id
  if (customerId) {
    await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [customerId] } })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "customer-facts-payment-refunded" },
}
