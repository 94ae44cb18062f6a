import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import type { PlannedCustomer } from "./plan"

/**
 * Creates the planned customers that do not exist yet (matched by e-mail) with their default
 * address, and returns the Medusa customer id of every planned customer.
 */
export async function ensureCustomers(container: MedusaContainer, planned: PlannedCustomer[]): Promise<Map<string, string>> {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const emails = planned.map((p) => p.email)
  const existing = await customerModule.listCustomers({ email: emails }, { select: ["id", "email"], take: emails.length })
  const idByEmail = new Map(existing.map((c) => [c.email!, c.id]))
  const missing = planned.filter((p) => !idByEmail.has(p.email))
  if (missing.length) {
    const { result } = await createCustomersWorkflow(container).run({
      input: {
        customersData: missing.map((p) => ({
          email: p.email,
          first_name: p.first_name,
          last_name: p.last_name,
          phone: p.phone,
          metadata: { ...p.metadata, demo_case: p.case, marketing_consent: p.marketing_consent },
          addresses: [
            {
              first_name: p.first_name,
              last_name: p.last_name,
              address_1: `${10 + (p.index % 90)} Demo Street`,
              city: p.city,
              postal_code: p.postal_code,
              country_code: p.country_code,
              phone: p.phone,
              is_default_shipping: true,
              is_default_billing: true,
            },
          ],
        })),
      },
    })
    for (const c of result) {
      idByEmail.set(c.email!, c.id)
    }
  }
  return idByEmail
}
