import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { scanAnniversariesStep } from "./steps/scan-anniversaries"

export const scanAnniversariesWorkflowId = "scan-anniversaries"

/** Starts the birthday and sign-up anniversary journeys of today. */
export const scanAnniversariesWorkflow = createWorkflow(scanAnniversariesWorkflowId, (input: { now?: Date | string }) => new WorkflowResponse(scanAnniversariesStep(input)))
