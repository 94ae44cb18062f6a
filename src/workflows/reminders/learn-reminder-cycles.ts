import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { learnReminderCyclesStep } from "./steps/learn-reminder-cycles"

export const learnReminderCyclesWorkflowId = "learn-reminder-cycles"

/** Nightly: the learned consumption cycle of every rule (the admin shows it beside the set one). */
export const learnReminderCyclesWorkflow = createWorkflow(learnReminderCyclesWorkflowId, () =>
  new WorkflowResponse(learnReminderCyclesStep({}))
)
