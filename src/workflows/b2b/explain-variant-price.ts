import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { explainVariantPriceStep, type ExplainVariantPriceInput } from "./steps/explain-variant-price"

export type ExplainVariantPriceWorkflowInput = ExplainVariantPriceInput

export const explainVariantPriceWorkflowId = "explain-variant-price"

/** Which price a customer or company pays for a variant at a quantity, and why every other price of it does not apply or lost. */
export const explainVariantPriceWorkflow = createWorkflow(explainVariantPriceWorkflowId, (input: WorkflowData<ExplainVariantPriceWorkflowInput>) => {
  return new WorkflowResponse(explainVariantPriceStep(input))
})
