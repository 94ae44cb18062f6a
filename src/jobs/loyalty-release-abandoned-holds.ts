import type { MedusaContainer } from "@medusajs/framework/types"
import { findExpiredHoldsWorkflow } from "../workflows/loyalty-points/find-expired-holds"
import { removeCartRedemptionWorkflow } from "../workflows/loyalty-points/remove-cart-redemption"

/** Every 15 minutes: points held on carts abandoned longer than `holdHours` become available again. */
export default async function loyaltyReleaseAbandonedHolds(container: MedusaContainer) {
  const { result: cartIds } = await findExpiredHoldsWorkflow(container).run({ input: {} })
  for (const cartId of cartIds) {
    await removeCartRedemptionWorkflow(container).run({ input: { cart_id: cartId } })
  }
}

export const config = { name: "loyalty-release-abandoned-holds", schedule: "*/15 * * * *" }
