import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { classifySendError, createSendgridMailer } from "../../../lib/sendgrid"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"

/** Sends one rendered message to a test address through SendGrid (not a recipient: nothing counts it). Cannot be unsent. */
export const sendTestMessageStep = createStep(
  "send-test-message",
  async (input: { to: string; subject: string; html: string; text: string; from_email: string; from_name?: string | null }, { container }) => {
    const options = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).getCampaignOptions()
    if (!options.sendgridApiKey) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "SendGrid is not configured: set SENDGRID_API_KEY or options.campaigns.sendgridApiKey")
    }
    const mail = createSendgridMailer({ apiKey: options.sendgridApiKey, baseUrl: options.sendgridBaseUrl })
    try {
      const [response] = await mail.send({
        to: input.to,
        from: { email: input.from_email, ...(input.from_name ? { name: input.from_name } : {}) },
        subject: `[Test] ${input.subject}`,
        html: input.html,
        text: input.text,
      })
      return new StepResponse({ sent: true, message_id: String(response.headers["x-message-id"] ?? "") })
    } catch (e) {
      const failure = classifySendError(e)
      const reason = failure.kind === "throttled" ? "rate limited, try again in a moment" : failure.reason
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `SendGrid refused the test message: ${reason}`)
    }
  }
)
