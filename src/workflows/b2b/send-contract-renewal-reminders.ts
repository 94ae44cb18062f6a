import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { sendContractRenewalRemindersStep } from "./steps/send-contract-renewal-reminders"

export type SendContractRenewalRemindersWorkflowInput = { now?: Date | string }

export const sendContractRenewalRemindersWorkflowId = "send-contract-renewal-reminders"

/** Reminds account managers of contracts coming to an end (each contract's reminder days before valid_to), once per end date. */
export const sendContractRenewalRemindersWorkflow = createWorkflow(
  sendContractRenewalRemindersWorkflowId,
  (input: WorkflowData<SendContractRenewalRemindersWorkflowInput>) => new WorkflowResponse(sendContractRenewalRemindersStep(input))
)
