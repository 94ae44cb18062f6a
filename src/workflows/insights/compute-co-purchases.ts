import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeCoPurchasesStep, type ComputeCoPurchasesStepInput } from "./steps/compute-co-purchases"

export const computeCoPurchasesWorkflowId = "compute-co-purchases"

export type ComputeCoPurchasesWorkflowInput = ComputeCoPurchasesStepInput

/** Support, confidence and lift of every product pair, per order and within N days, from the purchase facts. */
export const computeCoPurchasesWorkflow = createWorkflow(computeCoPurchasesWorkflowId, (input: ComputeCoPurchasesWorkflowInput) =>
  new WorkflowResponse(computeCoPurchasesStep(input))
)
