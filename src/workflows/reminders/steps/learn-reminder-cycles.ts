import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type { ReminderRuleChangedPayload } from "../../../modules/reminders/events"
import type RemindersModuleService from "../../../modules/reminders/service"
import { RULE_TARGET_FIELDS, ruleTargetsOf } from "./reminder-rule-checks"

export type LearnReminderCyclesResult = {
  learned: Awaited<ReturnType<RemindersModuleService["learnCycles"]>>
  /** Rules without a set cycle whose learned one moved: their customers' coverage moves with it. */
  changed: ReminderRuleChangedPayload[]
}

/** Learns each rule's median gap per unit from the store's repeat buyers. Derived data: nothing to compensate. */
export const learnReminderCyclesStep = createStep("learn-reminder-cycles", async (_: Record<string, never>, { container }) => {
  const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const learned = await reminders.learnCycles()
  const moved = learned.filter((l) => l.changed).map((l) => l.rule_id)
  const rules = moved.length
    ? await reminders.listReminderRules({ id: moved, is_active: true }, { select: [...RULE_TARGET_FIELDS, "days_per_unit"] })
    : []
  const changed = rules.filter((rule) => rule.days_per_unit === null).map((rule) => ({ id: rule.id, ...ruleTargetsOf([rule]) }))
  return new StepResponse<LearnReminderCyclesResult>({ learned, changed })
})
