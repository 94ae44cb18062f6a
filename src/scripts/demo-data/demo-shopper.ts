import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { checkoutPlannedOrder, existingOrderRefs } from "./orders"
import { planCustomer } from "./plan"
import type { SeedOptions } from "./seed-options"
import type { DemoStore } from "./store-setup"

export const DEMO_SHOPPER = { email: "patient@retention.example", password: "demo-patient" }

/** Index of the planned patient whose history the demo shopper gets (one with several refills). */
const SHOPPER_PLAN_INDEX = 1_000_003

/**
 * A registered pharmacy patient who can log in to the storefront (the curl examples use it),
 * with a refill history of their own. Idempotent like the rest of the seed.
 */
export async function ensureDemoShopper(container: MedusaContainer, store: DemoStore, options: SeedOptions) {
  const auth = container.resolve(Modules.AUTH)
  const customers = container.resolve(Modules.CUSTOMER)
  let [customer] = await customers.listCustomers({ email: DEMO_SHOPPER.email, has_account: true })
  if (!customer) {
    const [identity] = await auth.listProviderIdentities({ entity_id: DEMO_SHOPPER.email, provider: "emailpass" })
    let authIdentityId = identity?.auth_identity_id
    if (!authIdentityId) {
      const { success, authIdentity, error } = await auth.register("emailpass", {
        body: { email: DEMO_SHOPPER.email, password: DEMO_SHOPPER.password },
      })
      if (!success || !authIdentity) {
        throw new Error(`Could not register the demo shopper: ${error}`)
      }
      authIdentityId = authIdentity.id
    }
    const { result } = await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: authIdentityId!,
        customerData: { email: DEMO_SHOPPER.email, first_name: "Mei-Ling", last_name: "Chen", phone: "+886 912 345678" },
      },
    })
    customer = result
    await customers.createCustomerAddresses({
      customer_id: customer.id,
      first_name: "Mei-Ling",
      last_name: "Chen",
      address_1: "1 Demo Street",
      city: "Taipei",
      postal_code: "100",
      country_code: "tw",
      is_default_shipping: true,
      is_default_billing: true,
    })
    await customers.updateCustomers(customer.id, {
      metadata: { demo_case: "pharmacy", prescribing_doctor: "Dr. Lin Chia-Hung (Taipei Hair Clinic)", marketing_consent: true },
    })
  }
  const plan = planCustomer("pharmacy", SHOPPER_PLAN_INDEX, { seed: options.seed, anchor: options.anchor })
  const shopper = { ...plan, email: DEMO_SHOPPER.email, first_name: "Mei-Ling", last_name: "Chen", city: "Taipei", postal_code: "100" }
  const orders = plan.orders.map((o) => ({ ...o, ref: `shopper-${o.ref}` }))
  const done = await existingOrderRefs(container, orders.map((o) => o.ref))
  for (const order of orders.filter((o) => !done.has(o.ref))) {
    await checkoutPlannedOrder(container, store, { customer: shopper, customerId: customer.id, order })
  }
  return { customerId: customer.id, orders: orders.length }
}
