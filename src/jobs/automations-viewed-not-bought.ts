import type { MedusaContainer } from "@medusajs/framework/types"
import { scanViewedNotBoughtWorkflow } from "../workflows/automations/scan-viewed-not-bought"

/** Hourly: product views left without a purchase long enough enter their viewed-but-not-bought journeys. */
export default async function automationsViewedNotBought(container: MedusaContainer) {
  await scanViewedNotBoughtWorkflow(container).run({ input: {} })
}

export const config = { name: "automations-viewed-not-bought", schedule: "20 * * * *" }
