import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { renderCampaignMessageStep } from "./steps/render-campaign-message"
import { sendTestMessageStep } from "./steps/send-test-message"

export const previewEmailCampaignWorkflowId = "preview-email-campaign"
export const sendTestEmailCampaignWorkflowId = "send-test-email-campaign"

/** The message a chosen customer would get, rendered. */
export const previewEmailCampaignWorkflow = createWorkflow(
  previewEmailCampaignWorkflowId,
  (input: { campaign_id: string; customer_id?: string | null; language?: string | null }) => new WorkflowResponse(renderCampaignMessageStep(input))
)

/** A test send of that message to an address of the admin's choice. */
export const sendTestEmailCampaignWorkflow = createWorkflow(
  sendTestEmailCampaignWorkflowId,
  (input: { campaign_id: string; email: string; customer_id?: string | null; language?: string | null }) => {
    const message = renderCampaignMessageStep(transform({ input }, ({ input }) => ({ campaign_id: input.campaign_id, customer_id: input.customer_id, language: input.language })))
    const sent = sendTestMessageStep(transform({ input, message }, ({ input, message }) => ({ to: input.email, ...message })))
    return new WorkflowResponse(transform({ message, sent }, ({ message, sent }) => ({ ...sent, language: message.language })))
  }
)
