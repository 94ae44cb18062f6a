import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import { assertCampaign, type CreateEmailCampaignInput } from "./create-email-campaign"

export type UpdateEmailCampaignInput = Partial<CreateEmailCampaignInput> & { id: string }

const FIELDS = [
  "name",
  "segment_id",
  "from_email",
  "from_name",
  "reply_to",
  "default_language",
  "language_key",
  "holdout_percent",
  "attribution_window_days",
  "attribution_model",
  "utm",
] as const

/**
 * Edits a campaign that has not started (draft, scheduled, paused before it started); templates,
 * when given, replace the old ones. Compensation restores the fields and templates it changed.
 */
export const updateEmailCampaignStep = createStep(
  "update-email-campaign",
  async (input: UpdateEmailCampaignInput, { container }) => {
    const campaigns = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
    const [before] = await campaigns.listEmailCampaigns({ id: input.id })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Email campaign with id "${input.id}" not found`)
    if (before.started_at || !["draft", "scheduled", "paused"].includes(before.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `status: a campaign that has started sending cannot be edited (it is ${before.status})`)
    }
    const oldTemplates = await campaigns.listEmailCampaignTemplates({ campaign_id: input.id })
    const { templates, id, ...fields } = input
    await assertCampaign(container, {
      segment_id: fields.segment_id,
      default_language: fields.default_language ?? before.default_language,
      templates: templates ?? oldTemplates,
    })
    await campaigns.updateEmailCampaigns({ id, ...fields })
    if (templates) {
      await campaigns.deleteEmailCampaignTemplates(oldTemplates.map((t) => t.id))
      await campaigns.createEmailCampaignTemplates(templates.map((t) => ({ ...t, campaign_id: id })))
    }
    const snapshot = Object.fromEntries(FIELDS.filter((f) => f in fields).map((f) => [f, before[f]]))
    return new StepResponse(
      { id },
      { id, snapshot, templates: templates ? oldTemplates.map(({ language, subject, html, text }) => ({ language, subject, html, text })) : null }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const campaigns = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
    await campaigns.updateEmailCampaigns({ id: undo.id, ...undo.snapshot })
    if (undo.templates) {
      const current = await campaigns.listEmailCampaignTemplates({ campaign_id: undo.id })
      await campaigns.deleteEmailCampaignTemplates(current.map((t) => t.id))
      await campaigns.createEmailCampaignTemplates(undo.templates.map((t) => ({ ...t, campaign_id: undo.id })))
    }
  }
)
