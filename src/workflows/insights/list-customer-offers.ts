import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { collectCustomerOffersStep, type CollectCustomerOffersInput } from "./steps/collect-customer-offers"

export type ListCustomerOffersWorkflowInput = CollectCustomerOffersInput

export const listCustomerOffersWorkflowId = "list-customer-offers"

/** The customer's personalised offers, ranked, each with its reason. */
export const listCustomerOffersWorkflow = createWorkflow(listCustomerOffersWorkflowId, (input: WorkflowData<ListCustomerOffersWorkflowInput>) =>
  new WorkflowResponse(collectCustomerOffersStep(input))
)
