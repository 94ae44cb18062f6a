import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The lock a spending check holds on an employee, owned by the cart being completed. */
export type SpendingHold = { key: string; owner_id: string }

export const spendingHoldKey = (customerId: string) => `b2b.spending-limit:${customerId}`

export async function releaseSpendingHold(container: MedusaContainer, hold: SpendingHold): Promise<void> {
  await container.resolve(Modules.LOCKING).release(hold.key, { ownerId: hold.owner_id })
}
