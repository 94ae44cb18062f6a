import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"

/**
 * Soft-deletes automations; compensation restores them. Their active journeys end as
 * `automation_off` at their next run.
 */
export const deleteAutomationsStep = createStep(
  "delete-automations",
  async (ids: string[], { container }) => {
    if (!ids.length) {
      return new StepResponse([], [])
    }
    await container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).softDeleteAutomations(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).restoreAutomations(ids)
  }
)
