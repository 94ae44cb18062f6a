import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { reversePointsForOrderWorkflow } from "../workflows/loyalty-points/reverse-points-for-order"

type RefundedPayment = {
  refunds?: ({ id: string; created_at: string | Date } | null)[] | null
  payment_collection?: { order?: { id: string } | null } | null
}

/**
 * payment.refunded → the order's points are reversed up to its refunded share, with or without a
 * return. The event names only the payment; its newest refund names the cause.
 */
export default async function loyaltyPaymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "refunds.id", "refunds.created_at", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const payment = data[0] as RefundedPayment | undefined
  const orderId = payment?.payment_collection?.order?.id
  const refunds = (payment?.refunds ?? []).filter((r): r is { id: string; created_at: string | Date } => !!r)
  if (!orderId || !refunds.length) {
    return
  }
  const at = (r: { created_at: string | Date }) => new Date(r.created_at).getTime()
  const newest = refunds.reduce((a, b) => (at(b) > at(a) || (at(b) === at(a) && b.id > a.id) ? b : a))
  await reversePointsForOrderWorkflow(container).run({
    input: { order_id: orderId, source_key: `refund:${newest.id}`, reason: "payment refunded" },
  })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "loyalty-payment-refunded" },
}
