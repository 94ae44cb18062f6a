import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"
import { RULE_TARGET_FIELDS, type ReminderRuleTargets } from "./reminder-rule-checks"

export const deleteReminderRulesStepId = "delete-reminder-rules"

/**
 * Soft-deletes reminder rules (unknown ids: NOT_FOUND) and returns what they covered, so their
 * customers' reminders can be withdrawn; compensated by restoring them.
 */
export const deleteReminderRulesStep = createStep(
  deleteReminderRulesStepId,
  async (ids: string[], { container }) => {
    if (!ids.length) {
      return new StepResponse([] as ReminderRuleTargets[], [] as string[])
    }
    const service = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
    const rules = await service.listReminderRules({ id: ids }, { select: [...RULE_TARGET_FIELDS] })
    const missing = ids.find((id) => !rules.some((r) => r.id === id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Reminder rule with id "${missing}" not found`)
    }
    await service.softDeleteReminderRules(ids)
    return new StepResponse(rules, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<RemindersModuleService>(REMINDERS_MODULE).restoreReminderRules(ids)
  }
)
