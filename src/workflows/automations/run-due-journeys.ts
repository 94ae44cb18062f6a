import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { runDueJourneysStep } from "./steps/run-due-journeys"

export const runDueJourneysWorkflowId = "run-due-journeys"

/** The runner's pass: claims the journeys whose next step is due and runs each as far as it goes now. */
export const runDueJourneysWorkflow = createWorkflow(
  runDueJourneysWorkflowId,
  (input: { now?: Date | string; max_batches?: number }) => new WorkflowResponse(runDueJourneysStep(input))
)
