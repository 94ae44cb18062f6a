import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { updateUpgradePathsStep, type UpdateUpgradePathInput } from "./steps/update-upgrade-paths"

export type { UpdateUpgradePathInput }
export type UpdateUpgradePathsWorkflowInput = { paths: UpdateUpgradePathInput[] }

export const updateUpgradePathsWorkflowId = "update-upgrade-paths"

/** Changes upgrade paths, checked as they will be stored. */
export const updateUpgradePathsWorkflow = createWorkflow(updateUpgradePathsWorkflowId, (input: WorkflowData<UpdateUpgradePathsWorkflowInput>) =>
  new WorkflowResponse(updateUpgradePathsStep(input.paths))
)
