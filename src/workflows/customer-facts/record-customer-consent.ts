import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ConsentPurpose } from "../../modules/customer-facts/types"
import { recordCustomerConsentStep } from "./steps/record-customer-consent"

export const recordCustomerConsentWorkflowId = "record-customer-consent"

/** A customer (or an admin for them) gives or withdraws consent per purpose; only a change is recorded. */
export const recordCustomerConsentWorkflow = createWorkflow(
  recordCustomerConsentWorkflowId,
  (input: { customer_id: string; choices: Partial<Record<ConsentPurpose, boolean>>; source: string }) =>
    new WorkflowResponse(recordCustomerConsentStep(input))
)
