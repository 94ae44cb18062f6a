import type { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, OrderStatus, OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { PlannedCustomer, PlannedOrder } from "./plan"
import type { DemoStore } from "./store-setup"

export type OrderToPlace = { customer: PlannedCustomer; customerId: string; order: PlannedOrder }

const DAY = 86_400_000
/** Orders older than this are shown as completed (delivered long ago), newer ones as pending. */
const COMPLETED_AFTER_DAYS = 30

/** The order references (`metadata.demo_ref`) among `refs` that are already in the store. */
export async function existingOrderRefs(container: MedusaContainer, refs: string[]): Promise<Set<string>> {
  if (!refs.length) {
    return new Set()
  }
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows: { ref: string }[] = await pg
    .select(pg.raw("metadata->>'demo_ref' as ref"))
    .from("order")
    .whereRaw("metadata->>'demo_ref' = any(?)", [refs])
  return new Set(rows.map((r) => r.ref))
}

function addressOf(customer: PlannedCustomer) {
  return {
    first_name: customer.first_name,
    last_name: customer.last_name,
    address_1: `${10 + (customer.index % 90)} Demo Street`,
    city: customer.city,
    postal_code: customer.postal_code,
    country_code: customer.country_code,
    phone: customer.phone,
  }
}

/**
 * Writes a batch of historical orders through Medusa's Order module, dated at their planned time,
 * like a store's imported history. With `emitEvents`, emits `order.placed` for each through
 * Medusa's event bus, as a checkout does; by default the plugin's backfills read the history
 * instead (29k events through the subscribers take many minutes on 2 cores). Checkout workflows
 * measured ~1.6 orders/s here (about 5 hours for the demo), so the history takes this path; the
 * demo shopper's orders go through the real checkout.
 */
export async function createHistoricOrders(
  container: MedusaContainer,
  store: DemoStore,
  batch: OrderToPlace[],
  now: Date,
  emitEvents = false
): Promise<string[]> {
  if (!batch.length) {
    return []
  }
  const orderModule = container.resolve(Modules.ORDER)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const created = await orderModule.createOrders(
    batch.map(({ customer, customerId, order }) => {
      const address = addressOf(customer)
      const ageDays = (now.getTime() - order.placed_at.getTime()) / DAY
      return {
        region_id: store.regionByKey[order.region_key].id,
        currency_code: order.currency_code,
        customer_id: customerId,
        email: customer.email,
        sales_channel_id: store.salesChannelByCase[customer.case],
        status: ageDays > COMPLETED_AFTER_DAYS ? OrderStatus.COMPLETED : OrderStatus.PENDING,
        shipping_address: address,
        billing_address: address,
        items: order.lines.map((line) => {
          const variant = store.variantBySku[line.sku]
          return {
            title: variant.product_title,
            subtitle: variant.title,
            product_title: variant.product_title,
            variant_title: variant.title,
            variant_id: variant.id,
            product_id: variant.product_id,
            variant_sku: line.sku,
            quantity: line.quantity,
            unit_price: line.unit_amount,
          }
        }),
        shipping_methods: [{ name: "Standard", amount: 0, shipping_option_id: store.shippingOptionByRegion[order.region_key] }],
        metadata: { demo_ref: order.ref },
        // Medusa stamps new rows with the current time; the demo needs its 18 months of history.
        created_at: order.placed_at,
        updated_at: order.placed_at,
      } as CreateOrderDTO
    })
  )
  if (emitEvents) {
    await eventBus.emit(created.map((o) => ({ name: OrderWorkflowEvents.PLACED, data: { id: o.id } })))
  }
  return created.map((o) => o.id)
}

/**
 * Places one planned order the way a shopper does (cart → shipping method → payment session →
 * completeCartWorkflow, which emits order.placed), then dates it back to its planned time.
 */
export async function checkoutPlannedOrder(container: MedusaContainer, store: DemoStore, place: OrderToPlace): Promise<string> {
  const { customer, customerId, order } = place
  const region = store.regionByKey[order.region_key]
  const address = addressOf(customer)
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: region.id,
      currency_code: region.currency_code,
      sales_channel_id: store.salesChannelByCase[customer.case],
      customer_id: customerId,
      email: customer.email,
      shipping_address: address,
      billing_address: address,
      items: order.lines.map((l) => ({ variant_id: store.variantBySku[l.sku].id, quantity: l.quantity })),
      metadata: { demo_ref: order.ref },
    },
  })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: store.shippingOptionByRegion[order.region_key] }] },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })

  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg("order")
    .where({ id: result.id })
    .update({
      created_at: order.placed_at,
      updated_at: order.placed_at,
      metadata: pg.raw("coalesce(metadata, '{}'::jsonb) || ?::jsonb", [JSON.stringify({ demo_ref: order.ref })]),
    })
  return result.id
}
