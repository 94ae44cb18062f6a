import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requireExisting } from "./require-existing"
import { createTiersStep, type CreateTierInput } from "./steps/create-tiers"
import { deleteTiersStep } from "./steps/delete-tiers"
import { updateTiersStep, type UpdateTierInput } from "./steps/update-tiers"

export type { CreateTierInput, UpdateTierInput }

export type CreateTiersWorkflowInput = { tiers: CreateTierInput[] }
export type UpdateTiersWorkflowInput = { tiers: UpdateTierInput[] }
export type DeleteTiersWorkflowInput = { ids: string[] }

export const createTiersWorkflowId = "create-loyalty-tiers"
export const updateTiersWorkflowId = "update-loyalty-tiers"
export const deleteTiersWorkflowId = "delete-loyalty-tiers"

/** Creates loyalty tiers (rank, threshold, earn multiplier and linked customer group). */
export const createTiersWorkflow = createWorkflow(
  createTiersWorkflowId,
  (input: WorkflowData<CreateTiersWorkflowInput>) => {
    const created = createTiersStep(input.tiers)
    return new WorkflowResponse(created)
  }
)

/** Updates existing loyalty tiers; unknown ids fail with NOT_FOUND before anything changes. */
export const updateTiersWorkflow = createWorkflow(
  updateTiersWorkflowId,
  (input: WorkflowData<UpdateTiersWorkflowInput>) => {
    const ids = transform({ input }, ({ input }) => input.tiers.map((tier) => tier.id))
    requireExisting("loyalty_tier", ids)
    const updated = updateTiersStep(input.tiers)
    return new WorkflowResponse(updated)
  }
)

/** Soft-deletes loyalty tiers; unknown ids fail with NOT_FOUND before anything changes. */
export const deleteTiersWorkflow = createWorkflow(
  deleteTiersWorkflowId,
  (input: WorkflowData<DeleteTiersWorkflowInput>) => {
    requireExisting("loyalty_tier", input.ids)
    deleteTiersStep(input.ids)
    return new WorkflowResponse(input.ids)
  }
)
