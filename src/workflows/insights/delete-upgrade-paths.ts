import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { deleteUpgradePathsStep } from "./steps/delete-upgrade-paths"

export type DeleteUpgradePathsWorkflowInput = { ids: string[] }

export const deleteUpgradePathsWorkflowId = "delete-upgrade-paths"

/** Removes upgrade paths (soft delete). */
export const deleteUpgradePathsWorkflow = createWorkflow(deleteUpgradePathsWorkflowId, (input: WorkflowData<DeleteUpgradePathsWorkflowInput>) =>
  new WorkflowResponse(deleteUpgradePathsStep(input.ids))
)
