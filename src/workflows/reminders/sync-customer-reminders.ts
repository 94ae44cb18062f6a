import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncCustomerCoverageStep } from "./steps/sync-customer-coverage"

export const syncCustomerRemindersWorkflowId = "sync-customer-reminders"

/**
 * A customer's purchase facts changed (order placed, canceled, refunded, returned): their coverage
 * is rebuilt, a reorder supersedes the pending reminder with one for the new coverage, a cancel
 * withdraws it.
 */
export const syncCustomerRemindersWorkflow = createWorkflow(
  syncCustomerRemindersWorkflowId,
  (input: { customer_ids: string[]; now?: Date | string }) => new WorkflowResponse(syncCustomerCoverageStep(input))
)
