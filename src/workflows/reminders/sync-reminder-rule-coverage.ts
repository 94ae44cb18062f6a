import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { ReminderRuleChangedPayload } from "../../modules/reminders/events"
import { syncReminderRuleCoverageStep } from "./steps/sync-reminder-rule-coverage"

export type SyncReminderRuleCoverageWorkflowInput = ReminderRuleChangedPayload

export const syncReminderRuleCoverageWorkflowId = "sync-reminder-rule-coverage"

/**
 * On the worker, after a rule changed: the coverage and reminders of every customer it concerns,
 * a page at a time (new rule: its existing buyers get their reminders).
 */
export const syncReminderRuleCoverageWorkflow = createWorkflow(
  syncReminderRuleCoverageWorkflowId,
  (input: WorkflowData<SyncReminderRuleCoverageWorkflowInput>) => new WorkflowResponse(syncReminderRuleCoverageStep(input))
)
