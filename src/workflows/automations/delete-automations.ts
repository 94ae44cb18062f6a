import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { deleteAutomationsStep } from "./steps/delete-automations"

export const deleteAutomationsWorkflowId = "delete-automations"

/** Deletes automations (soft); their journeys end at their next run. */
export const deleteAutomationsWorkflow = createWorkflow(deleteAutomationsWorkflowId, (input: WorkflowData<{ ids: string[] }>) => {
  return new WorkflowResponse(deleteAutomationsStep(input.ids))
})
