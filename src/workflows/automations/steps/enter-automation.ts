import type { MedusaContainer } from "@medusajs/framework/types"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import type { AutomationRow, JourneyEntry } from "../../../modules/automations/types"
import { resolveReferences } from "../../segments/resolve-references"

const CHUNK = 5000

/**
 * Starts the journeys of these entries in one automation, a chunk at a time (one set-based
 * statement each), with its conditions' references resolved once. Returns how many started.
 */
export async function enterAutomation(container: MedusaContainer, automation: AutomationRow, entries: JourneyEntry[], now: Date): Promise<number> {
  if (!entries.length) return 0
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const references = automation.conditions ? await resolveReferences(container, automation.conditions) : null
  let started = 0
  for (let i = 0; i < entries.length; i += CHUNK) {
    const journeys = await automations.enterJourneys({ automation: { ...automation, references }, entries: entries.slice(i, i + CHUNK), now })
    started += journeys.length
  }
  return started
}
