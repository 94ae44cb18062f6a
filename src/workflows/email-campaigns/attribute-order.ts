import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { attributeOrderStep } from "./steps/attribute-order"

export const attributeCampaignOrderWorkflowId = "attribute-campaign-order"

/** order.placed: credit the order to the campaign that brought it, if any. */
export const attributeCampaignOrderWorkflow = createWorkflow(attributeCampaignOrderWorkflowId, (input: { order_id: string }) => {
  return new WorkflowResponse(attributeOrderStep(input))
})
