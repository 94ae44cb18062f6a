import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { ReminderRuleChangedPayload } from "../../modules/reminders/events"
import { learnReminderRuleCycleStep } from "./steps/learn-reminder-rule-cycle"
import { syncReminderRuleCoverageStep } from "./steps/sync-reminder-rule-coverage"

export type SyncReminderRuleCoverageWorkflowInput = ReminderRuleChangedPayload

export const syncReminderRuleCoverageWorkflowId = "sync-reminder-rule-coverage"

/**
 * On the worker, after a rule changed: its learned cycle from what it covers now, then the
 * coverage and reminders of every customer it concerns, a page at a time (new rule: its existing
 * buyers get their reminders, with the learned cycle when it has none set).
 */
export const syncReminderRuleCoverageWorkflow = createWorkflow(
  syncReminderRuleCoverageWorkflowId,
  (input: WorkflowData<SyncReminderRuleCoverageWorkflowInput>) => {
    learnReminderRuleCycleStep(input)
    return new WorkflowResponse(syncReminderRuleCoverageStep(input))
  }
)
