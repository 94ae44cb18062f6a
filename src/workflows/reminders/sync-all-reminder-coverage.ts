import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncAllReminderCoverageStep } from "./steps/sync-all-reminder-coverage"

export const syncAllReminderCoverageWorkflowId = "sync-all-reminder-coverage"

export type SyncAllReminderCoverageWorkflowInput = { now?: Date | string }

/**
 * After a history import or a facts backfill: the coverage and reminders of every buyer of what
 * the active rules cover, a page of customers at a time.
 */
export const syncAllReminderCoverageWorkflow = createWorkflow(
  syncAllReminderCoverageWorkflowId,
  (input: SyncAllReminderCoverageWorkflowInput) => new WorkflowResponse(syncAllReminderCoverageStep(input))
)
