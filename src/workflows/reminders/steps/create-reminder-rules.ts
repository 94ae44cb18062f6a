import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"
import { assertReminderRules } from "./reminder-rule-checks"

export type CreateReminderRuleInput = {
  product_id: string
  variant_id?: string | null
  title?: string | null
  /** null: learned from purchases. */
  days_per_unit?: number | null
  lead_days?: number
  substitute_product_ids?: string[]
  substitute_variant_ids?: string[]
  template?: string
  max_reminders?: number
  nudge_after_days?: number
  use_personal_cycle?: boolean
  is_active?: boolean
}

export const createReminderRulesStepId = "create-reminder-rules"

/** Checks and creates reminder rules; compensated by deleting the rules it created. */
export const createReminderRulesStep = createStep(
  createReminderRulesStepId,
  async (data: CreateReminderRuleInput[], { container }) => {
    await assertReminderRules(container, data)
    const service = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
    const created = data.length ? await service.createReminderRules(data) : []
    return new StepResponse(
      created,
      created.map((rule) => rule.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    await container.resolve<RemindersModuleService>(REMINDERS_MODULE).deleteReminderRules(createdIds)
  }
)
