import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReminderEvents } from "../../modules/reminders/events"
import { learnReminderCyclesStep } from "./steps/learn-reminder-cycles"

export const learnReminderCyclesWorkflowId = "learn-reminder-cycles"

/**
 * Nightly: the learned consumption cycle of every rule (the admin shows it beside the set one).
 * A rule without a set cycle whose learned one moved is announced as changed, so the worker
 * recomputes its customers' coverage and due dates with the new cycle.
 */
export const learnReminderCyclesWorkflow = createWorkflow(learnReminderCyclesWorkflowId, () => {
  const result = learnReminderCyclesStep({})
  const changed = transform({ result }, ({ result }) => result.changed)
  when({ changed }, ({ changed }) => changed.length > 0).then(() => {
    emitEventStep({ eventName: ReminderEvents.RULE_CHANGED, data: changed })
  })
  return new WorkflowResponse(result)
})
