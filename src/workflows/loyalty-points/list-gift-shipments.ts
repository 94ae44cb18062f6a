import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { listGiftShipmentsStep, type ListGiftShipmentsInput } from "./steps/list-gift-shipments"

export type { ListGiftShipmentsInput }

export const listGiftShipmentsWorkflowId = "list-gift-shipments"

/** A page of the gift-shipment queue with each shipment's customer, rule and (if asked) gift variant. */
export const listGiftShipmentsWorkflow = createWorkflow(
  listGiftShipmentsWorkflowId,
  (input: WorkflowData<ListGiftShipmentsInput>) => {
    return new WorkflowResponse(listGiftShipmentsStep(input))
  }
)
