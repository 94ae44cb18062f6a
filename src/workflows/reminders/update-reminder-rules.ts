import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReminderEvents } from "../../modules/reminders/events"
import { ruleTargetsOf } from "./steps/reminder-rule-checks"
import { updateReminderRulesStep, type UpdateReminderRuleInput } from "./steps/update-reminder-rules"

export type { UpdateReminderRuleInput }
export type UpdateReminderRulesWorkflowInput = { rules: UpdateReminderRuleInput[] }

export const updateReminderRulesWorkflowId = "update-reminder-rules"

/**
 * Changes reminder rules (unknown ids: NOT_FOUND; checked as on create). When what a rule covers,
 * its cycle, lead time, nudges or its on/off switch changed, the worker recomputes the coverage of
 * the customers it concerned before and concerns now: a deactivated rule's scheduled reminders are
 * withdrawn (`rule_inactive`), outdated ones of a changed rule are replaced (`rule_changed`).
 */
export const updateReminderRulesWorkflow = createWorkflow(
  updateReminderRulesWorkflowId,
  (input: WorkflowData<UpdateReminderRulesWorkflowInput>) => {
    const updated = updateReminderRulesStep(input.rules)
    const changed = transform({ updated }, ({ updated }) =>
      updated.moved.map((before) => {
        const after = updated.rules.find((rule) => rule.id === before.id)
        return { id: before.id!, ...ruleTargetsOf(after ? [before, after] : [before]) }
      })
    )
    when({ changed }, ({ changed }) => changed.length > 0).then(() => {
      emitEventStep({ eventName: ReminderEvents.RULE_CHANGED, data: changed })
    })
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.rules))
  }
)
