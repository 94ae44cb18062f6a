import type { MedusaContainer } from "@medusajs/framework/types"
import { runDueJourneysWorkflow } from "../workflows/automations/run-due-journeys"

/** Every 5 minutes: run the automation journeys whose next step is due (waits that ended, new entries). */
export default async function automationsRunJourneys(container: MedusaContainer) {
  await runDueJourneysWorkflow(container).run({ input: {} })
}

export const config = { name: "automations-run-journeys", schedule: "*/5 * * * *" }
