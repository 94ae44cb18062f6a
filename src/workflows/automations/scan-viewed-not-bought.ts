import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { scanViewedNotBoughtStep } from "./steps/scan-viewed-not-bought"

export const scanViewedNotBoughtWorkflowId = "scan-viewed-not-bought"

/** Starts the viewed-but-not-bought journeys of product views left without a purchase long enough. */
export const scanViewedNotBoughtWorkflow = createWorkflow(scanViewedNotBoughtWorkflowId, (input: { now?: Date | string }) => new WorkflowResponse(scanViewedNotBoughtStep(input)))
