import type { MedusaContainer } from "@medusajs/framework/types"
import { scanAbandonedCartsWorkflow } from "../workflows/automations/scan-abandoned-carts"

/** Every 15 minutes: carts left alone long enough enter their cart-abandoned journeys. */
export default async function automationsCartAbandoned(container: MedusaContainer) {
  await scanAbandonedCartsWorkflow(container).run({ input: {} })
}

export const config = { name: "automations-cart-abandoned", schedule: "*/15 * * * *" }
