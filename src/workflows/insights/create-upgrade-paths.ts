import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { createUpgradePathsStep, type CreateUpgradePathInput } from "./steps/create-upgrade-paths"

export type { CreateUpgradePathInput }
export type CreateUpgradePathsWorkflowInput = { paths: CreateUpgradePathInput[] }

export const createUpgradePathsWorkflowId = "create-upgrade-paths"

/** Maps products (or one variant, an edition) to their successors, checked. */
export const createUpgradePathsWorkflow = createWorkflow(createUpgradePathsWorkflowId, (input: WorkflowData<CreateUpgradePathsWorkflowInput>) =>
  new WorkflowResponse(createUpgradePathsStep(input.paths))
)
