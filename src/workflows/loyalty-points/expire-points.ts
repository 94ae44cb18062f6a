import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expirePointsStep, type ExpirePointsStepInput } from "./steps/expire-points"

export const expirePointsWorkflowId = "expire-points"

/** Expires points whose lots have passed their expiry date (scheduled daily). */
export const expirePointsWorkflow = createWorkflow(expirePointsWorkflowId, (input: ExpirePointsStepInput) => {
  return new WorkflowResponse(expirePointsStep(input))
})
