import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendExpiryWarningsStep } from "./steps/send-expiry-warnings"

export const sendExpiryWarningsWorkflowId = "send-expiry-warnings"

/** Warns customers by e-mail before their points expire (daily job). */
export const sendExpiryWarningsWorkflow = createWorkflow(sendExpiryWarningsWorkflowId, (input: { now?: Date | string }) => {
  return new WorkflowResponse(sendExpiryWarningsStep(input))
})
