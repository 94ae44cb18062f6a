import type { MedusaContainer } from "@medusajs/framework/types"
import { scanAnniversariesWorkflow } from "../workflows/automations/scan-anniversaries"

/** Daily: today's birthdays and sign-up anniversaries enter their journeys. */
export default async function automationsAnniversary(container: MedusaContainer) {
  await scanAnniversariesWorkflow(container).run({ input: {} })
}

export const config = { name: "automations-anniversary", schedule: "15 6 * * *" }
