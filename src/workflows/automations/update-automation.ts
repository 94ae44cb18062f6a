import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { checkAutomationReferencesStep } from "./steps/check-automation-references"
import { updateAutomationStep, type UpdateAutomationInput } from "./steps/update-automation"

export type { UpdateAutomationInput }

export const updateAutomationWorkflowId = "update-automation"

/**
 * Changes an automation (switching it on or off included) after checking what the changed parts
 * reference. Journeys in flight follow the steps as they are when each step runs; switched off,
 * they end as `automation_off` at their next run.
 */
export const updateAutomationWorkflow = createWorkflow(updateAutomationWorkflowId, (input: WorkflowData<UpdateAutomationInput>) => {
  checkAutomationReferencesStep(input)
  return new WorkflowResponse(updateAutomationStep(input))
})
