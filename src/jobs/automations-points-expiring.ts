import type { MedusaContainer } from "@medusajs/framework/types"
import { scanPointsExpiringWorkflow } from "../workflows/automations/scan-points-expiring"

/** Daily: customers whose points expire soon enter their points-about-to-expire journeys. */
export default async function automationsPointsExpiring(container: MedusaContainer) {
  await scanPointsExpiringWorkflow(container).run({ input: {} })
}

export const config = { name: "automations-points-expiring", schedule: "0 6 * * *" }
