import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** Throws NOT_FOUND unless the Medusa customer exists (and is not deleted). */
export async function assertCustomerExists(scope: MedusaContainer, customerId: string) {
  const customers = scope.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: customerId }, { select: ["id"], take: 1 })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customerId}" not found`)
  }
}
