import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type { AutomationStep, AutomationTrigger } from "../../../modules/automations/definition/schema"
import type AutomationsModuleService from "../../../modules/automations/service"
import type { SegmentNode } from "../../../modules/segments/definition/schema"

export type CreateAutomationInput = {
  name: string
  is_active?: boolean
  trigger: AutomationTrigger
  conditions?: SegmentNode | null
  steps: AutomationStep[]
  exit_on_order?: boolean
  reentry?: "once" | "every_n_days"
  reentry_days?: number | null
  holdout_percent?: number
  attribution_days?: number
}

/** Creates an automation; compensation deletes it. */
export const createAutomationStep = createStep(
  "create-automation",
  async (input: CreateAutomationInput, { container }) => {
    const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
    const [automation] = await automations.createAutomations([
      {
        name: input.name,
        is_active: input.is_active ?? false,
        trigger: input.trigger,
        conditions: input.conditions ?? null,
        // DML types JSON columns as objects; the steps are a list.
        steps: input.steps as AutomationStep[] & Record<string, unknown>,
        exit_on_order: input.exit_on_order ?? true,
        reentry: input.reentry ?? "once",
        reentry_days: input.reentry === "every_n_days" ? (input.reentry_days ?? null) : null,
        holdout_percent: input.holdout_percent ?? 0,
        attribution_days: input.attribution_days ?? 7,
      },
    ])
    return new StepResponse(automation, automation.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).deleteAutomations([id])
  }
)
