import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendDueRemindersStep } from "./steps/send-due-reminders"

export const sendDueRemindersWorkflowId = "send-due-reminders"

/** The hourly run: claims the due reminders, re-checks each, sends the rest exactly once. */
export const sendDueRemindersWorkflow = createWorkflow(
  sendDueRemindersWorkflowId,
  (input: { now?: Date | string; max_batches?: number }) => new WorkflowResponse(sendDueRemindersStep(input))
)
