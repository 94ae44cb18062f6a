import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { isHistoryImportEvent } from "../workflows/customer-facts/import-history-events"
import { refreshCustomerFactsWorkflow } from "../workflows/customer-facts/refresh-customer-facts"

/**
 * A customer address was added, changed or removed → the customer's location facts. The Customer
 * module's own entity events carry only the address id. A history import's batches rebuild their
 * customers' facts themselves; refreshing each imported address again would starve the pool.
 */
export default async function customerFactsAddressChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  if (isHistoryImportEvent(event)) {
    return
  }
  const customers = container.resolve(Modules.CUSTOMER)
  const [address] = await customers.listCustomerAddresses({ id: event.data.id }, { select: ["customer_id"], withDeleted: true })
  if (address?.customer_id) {
    await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [address.customer_id] } })
  }
}

export const config: SubscriberConfig = {
  event: ["customer.customer-address.created", "customer.customer-address.updated", "customer.customer-address.deleted"],
  context: { subscriberId: "customer-facts-address-changed" },
}
