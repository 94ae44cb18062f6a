import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type SegmentsModuleService from "../../../modules/segments/service"

export type CampaignTemplateInput = { language: string; subject: string; html: string; text: string }

export type CreateEmailCampaignInput = {
  name: string
  segment_id: string
  from_email: string
  from_name?: string | null
  reply_to?: string | null
  default_language?: string
  language_key?: string
  holdout_percent?: number
  attribution_window_days?: number
  attribution_model?: "click" | "click_or_open"
  utm?: Record<string, string> | null
  templates: CampaignTemplateInput[]
}

/** Checks what spans fields or modules: the segment exists, a template exists for the default language. */
export async function assertCampaign(container: { resolve: <T>(key: string) => T }, input: { segment_id?: string; default_language?: string; templates?: CampaignTemplateInput[] }) {
  if (input.segment_id) {
    const [segment] = await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).listSegments({ id: input.segment_id }, { select: ["id"] })
    if (!segment) throw new MedusaError(MedusaError.Types.INVALID_DATA, `segment_id: no segment "${input.segment_id}"`)
  }
  if (input.templates) {
    const languages = input.templates.map((t) => t.language)
    const duplicate = languages.find((l, i) => languages.indexOf(l) !== i)
    if (duplicate) throw new MedusaError(MedusaError.Types.INVALID_DATA, `templates: language "${duplicate}" appears twice`)
    if (input.default_language && !languages.includes(input.default_language)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `templates: a template in the default language "${input.default_language}" is required`)
    }
  }
}

/** Creates a draft campaign with its templates. Compensation deletes both. */
export const createEmailCampaignStep = createStep(
  "create-email-campaign",
  async (input: CreateEmailCampaignInput, { container }) => {
    const defaultLanguage = input.default_language ?? input.templates[0]?.language ?? "en"
    await assertCampaign(container, { ...input, default_language: defaultLanguage })
    const campaigns = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
    const { templates, ...fields } = input
    const campaign = await campaigns.createEmailCampaigns({ ...fields, default_language: defaultLanguage, status: "draft" })
    const created = await campaigns.createEmailCampaignTemplates(templates.map((t) => ({ ...t, campaign_id: campaign.id })))
    return new StepResponse(campaign, { campaign_id: campaign.id, template_ids: created.map((t) => t.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const campaigns = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
    await campaigns.deleteEmailCampaignTemplates(undo.template_ids)
    await campaigns.deleteEmailCampaigns([undo.campaign_id])
  }
)
