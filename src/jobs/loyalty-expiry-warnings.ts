import type { MedusaContainer } from "@medusajs/framework/types"
import { sendExpiryWarningsWorkflow } from "../workflows/loyalty-points/send-expiry-warnings"

/** Every morning: warn customers whose points expire within `expiryWarningDays`. */
export default async function loyaltyExpiryWarnings(container: MedusaContainer) {
  await sendExpiryWarningsWorkflow(container).run({ input: {} })
}

export const config = { name: "loyalty-expiry-warnings", schedule: "0 9 * * *" }
