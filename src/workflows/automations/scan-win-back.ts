import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { scanWinBackStep } from "./steps/scan-win-back"

export const scanWinBackWorkflowId = "scan-win-back"

/** Starts the win-back journeys of customers without an order for long enough. */
export const scanWinBackWorkflow = createWorkflow(scanWinBackWorkflowId, (input: { now?: Date | string }) => new WorkflowResponse(scanWinBackStep(input)))
