import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReminderEvents } from "../../modules/reminders/events"
import { deleteReminderRulesStep } from "./steps/delete-reminder-rules"
import { ruleTargetsOf } from "./steps/reminder-rule-checks"

export type DeleteReminderRulesWorkflowInput = { ids: string[] }

export const deleteReminderRulesWorkflowId = "delete-reminder-rules"

/**
 * Soft-deletes reminder rules (unknown ids: NOT_FOUND). Reminders already sent stay for the
 * report; the worker withdraws the scheduled ones (`rule_inactive`) and drops the coverage.
 */
export const deleteReminderRulesWorkflow = createWorkflow(
  deleteReminderRulesWorkflowId,
  (input: WorkflowData<DeleteReminderRulesWorkflowInput>) => {
    const deleted = deleteReminderRulesStep(input.ids)
    emitEventStep({
      eventName: ReminderEvents.RULE_CHANGED,
      data: transform({ deleted }, ({ deleted }) => deleted.map((rule) => ({ id: rule.id, ...ruleTargetsOf([rule]) }))),
    })
    return new WorkflowResponse(input.ids)
  }
)
