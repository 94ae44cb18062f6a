import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { scanPointsExpiringStep } from "./steps/scan-points-expiring"

export const scanPointsExpiringWorkflowId = "scan-points-expiring"

/** Starts the points-about-to-expire journeys of customers whose points expire soon. */
export const scanPointsExpiringWorkflow = createWorkflow(scanPointsExpiringWorkflowId, (input: { now?: Date | string }) => new WorkflowResponse(scanPointsExpiringStep(input)))
