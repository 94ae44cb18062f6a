import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { releaseSpendingHold, spendingHoldKey } from "../workflows/b2b/utils/spending-hold"

/**
 * An order was placed → the spending check's hold on its customer ends, so the employee's next
 * checkout counts this order. A hold never released (a crash) expires by itself.
 */
export default async function b2bSpendingHoldRelease({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id", "cart.id"], filters: { id: event.data.id } })
  const cartId = (order as { cart?: { id: string } | null } | undefined)?.cart?.id
  if (order?.customer_id && cartId) {
    await releaseSpendingHold(container, { key: spendingHoldKey(order.customer_id), owner_id: cartId })
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "b2b-spending-hold-release" },
}
