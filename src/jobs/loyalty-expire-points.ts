import type { MedusaContainer } from "@medusajs/framework/types"
import { expirePointsWorkflow } from "../workflows/loyalty-points/expire-points"

/** Every hour: expire the points whose lots have passed their expiry. */
export default async function loyaltyExpirePoints(container: MedusaContainer) {
  await expirePointsWorkflow(container).run({ input: {} })
}

export const config = { name: "loyalty-expire-points", schedule: "17 * * * *" }
