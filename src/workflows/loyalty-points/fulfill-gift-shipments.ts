import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  fulfillGiftShipmentsStep,
  type FulfillGiftShipmentsResult,
  type FulfillGiftShipmentsStepInput,
} from "./steps/fulfill-gift-shipments"

export type { FulfillGiftShipmentsResult }

export type FulfillGiftShipmentsWorkflowInput = FulfillGiftShipmentsStepInput

export const fulfillGiftShipmentsWorkflowId = "fulfill-gift-shipments"

/** Marks gift shipments from the fulfilment queue as sent; already fulfilled or cancelled ones are reported, not changed. */
export const fulfillGiftShipmentsWorkflow = createWorkflow(
  fulfillGiftShipmentsWorkflowId,
  (input: WorkflowData<FulfillGiftShipmentsWorkflowInput>) => {
    const result = fulfillGiftShipmentsStep(input)
    return new WorkflowResponse(result)
  }
)
