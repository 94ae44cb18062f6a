import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import type { CreateAutomationInput } from "./create-automation"

type AutomationUpdate = Parameters<AutomationsModuleService["updateAutomations"]>[0] & { id: string }

export type UpdateAutomationInput = { id: string } & Partial<CreateAutomationInput>

/** Changes an automation; compensation restores the fields it changed as they were. */
export const updateAutomationStep = createStep(
  "update-automation",
  async (input: UpdateAutomationInput, { container }) => {
    const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
    const { id, ...changes } = input
    if (changes.reentry === "once") changes.reentry_days = null
    const fields = Object.keys(changes) as (keyof typeof changes)[]
    const current: Record<string, unknown> = await automations.retrieveAutomation(id, { select: ["id", ...fields] })
    const before: Record<string, unknown> = { id }
    for (const f of fields) before[f] = current[f]
    const updated = await automations.updateAutomations({ id, ...changes } as AutomationUpdate)
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).updateAutomations(before as AutomationUpdate)
  }
)
