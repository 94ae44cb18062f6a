import type { MedusaContainer } from "@medusajs/framework/types"
import { scanWinBackWorkflow } from "../workflows/automations/scan-win-back"

/** Daily, after the nightly facts: customers without an order for long enough enter their win-back journeys. */
export default async function automationsWinBack(container: MedusaContainer) {
  await scanWinBackWorkflow(container).run({ input: {} })
}

export const config = { name: "automations-win-back", schedule: "0 5 * * *" }
