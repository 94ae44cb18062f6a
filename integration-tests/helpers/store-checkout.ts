import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { DemoStore } from "../../src/scripts/demo-data/store-setup"
import { customerHeaders } from "./auth"

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }>
}

export const SHOPPER_PASSWORD = "secret-pw"

/** Registers a storefront customer with e-mail/password (customer.created is emitted, as at sign-up). */
export async function registerShopper(container: MedusaContainer, email: string, customerData: Record<string, unknown> = {}) {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password: SHOPPER_PASSWORD } })
  const { result } = await createCustomerAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity!.id, customerData: { email, first_name: "Pat", ...customerData } },
  })
  return { id: result.id, email }
}

/**
 * Places an order the way a storefront does, over the store API: cart, shipping method, payment
 * session, complete. Returns the order id.
 */
export async function checkoutOverHttp(
  api: Api,
  store: DemoStore,
  shopper: { email: string },
  input: { region: string; sales_channel: string; items: { sku: string; quantity: number }[]; shipping_address?: Record<string, unknown> }
): Promise<string> {
  const headers = await customerHeaders(api, shopper.email, SHOPPER_PASSWORD, store.publishableKey)
  const { data } = await api.post(
    "/store/carts",
    {
      region_id: store.regionByKey[input.region].id,
      sales_channel_id: input.sales_channel,
      items: input.items.map((i) => ({ variant_id: store.variantBySku[i.sku].id, quantity: i.quantity })),
      ...(input.shipping_address ? { shipping_address: input.shipping_address } : {}),
    },
    headers
  )
  const cartId = data.cart.id as string
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: store.shippingOptionByRegion[input.region] }, headers)
  const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
  const done = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
  return done.data.order.id as string
}
