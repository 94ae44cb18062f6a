import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createEmailCampaignStep, type CreateEmailCampaignInput } from "./steps/create-email-campaign"
import { updateEmailCampaignStep, type UpdateEmailCampaignInput } from "./steps/update-email-campaign"

export const createEmailCampaignWorkflowId = "create-email-campaign"
export const updateEmailCampaignWorkflowId = "update-email-campaign"

/** Creates a draft e-mail campaign to a segment, with its templates per language. */
export const createEmailCampaignWorkflow = createWorkflow(createEmailCampaignWorkflowId, (input: CreateEmailCampaignInput) => {
  return new WorkflowResponse(createEmailCampaignStep(input))
})

/** Edits a campaign that has not started sending. */
export const updateEmailCampaignWorkflow = createWorkflow(updateEmailCampaignWorkflowId, (input: UpdateEmailCampaignInput) => {
  return new WorkflowResponse(updateEmailCampaignStep(input))
})
