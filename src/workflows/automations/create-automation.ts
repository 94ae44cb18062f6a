import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { checkAutomationReferencesStep } from "./steps/check-automation-references"
import { createAutomationStep, type CreateAutomationInput } from "./steps/create-automation"

export type { CreateAutomationInput }

export const createAutomationWorkflowId = "create-automation"

/** Creates an automation after checking what it references (segment, groups, condition ids). */
export const createAutomationWorkflow = createWorkflow(createAutomationWorkflowId, (input: WorkflowData<CreateAutomationInput>) => {
  checkAutomationReferencesStep(input)
  return new WorkflowResponse(createAutomationStep(input))
})
