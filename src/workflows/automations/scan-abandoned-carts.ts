import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { scanAbandonedCartsStep } from "./steps/scan-abandoned-carts"

export const scanAbandonedCartsWorkflowId = "scan-abandoned-carts"

/** Starts the cart-abandoned journeys of carts left alone long enough. */
export const scanAbandonedCartsWorkflow = createWorkflow(scanAbandonedCartsWorkflowId, (input: { now?: Date | string }) => new WorkflowResponse(scanAbandonedCartsStep(input)))
