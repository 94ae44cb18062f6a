import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type { ReminderRuleChangedPayload } from "../../../modules/reminders/events"
import type RemindersModuleService from "../../../modules/reminders/service"
import { RULE_TARGET_FIELDS, ruleTargetsOf } from "./reminder-rule-checks"

export const learnReminderRuleCycleStepId = "learn-reminder-rule-cycle"

/**
 * A rule was created or changed what it covers: its learned cycle is learned now from what it
 * covers now, rather than at the next nightly run, so a rule saved without days per unit reminds
 * its buyers at once. Derived data like the nightly run's: nothing to compensate.
 */
export const learnReminderRuleCycleStep = createStep(learnReminderRuleCycleStepId, async (input: ReminderRuleChangedPayload, { container }) => {
  const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const [rule] = await reminders.listReminderRules({ id: input.id, is_active: true }, { select: [...RULE_TARGET_FIELDS] })
  if (!rule) {
    return new StepResponse(null)
  }
  const suggestion = await reminders.suggestCycle(ruleTargetsOf([rule]))
  await reminders.updateReminderRules({
    id: rule.id,
    learned_days_per_unit: suggestion.days_per_unit,
    learned_sample_size: suggestion.sample_size,
    learned_at: new Date(),
  })
  return new StepResponse(suggestion)
})
