import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import { prepareTemplate, renderForPreview } from "../../../modules/email-campaigns/utils/render"
import { personalize, popularProducts, recipientContext } from "../campaign-personalization"

/**
 * The message a customer would get (the admin's preview and test send): their language's template
 * (or the one asked for, or the default), their variables, links signed for a preview recipient.
 * Reads only.
 */
export const renderCampaignMessageStep = createStep(
  "render-campaign-message",
  async (input: { campaign_id: string; customer_id?: string | null; language?: string | null }, { container }) => {
    const campaigns = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
    const [campaign] = await campaigns.listEmailCampaigns({ id: input.campaign_id })
    if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Email campaign with id "${input.campaign_id}" not found`)
    const templates = await campaigns.listEmailCampaignTemplates({ campaign_id: campaign.id })
    const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
    const [profile] = input.customer_id ? await facts.listCustomerFacts({ customer_id: input.customer_id }) : []
    if (input.customer_id && !profile) throw new MedusaError(MedusaError.Types.INVALID_DATA, `customer_id: no customer "${input.customer_id}"`)
    const own = String((profile?.metadata as Record<string, unknown> | null)?.[campaign.language_key] ?? "").toLowerCase()
    const language = [input.language, own, campaign.default_language].find((l) => l && templates.some((t) => t.language === l))
    const template = templates.find((t) => t.language === language)
    if (!template) throw new MedusaError(MedusaError.Types.INVALID_DATA, `language: the campaign has no template in "${input.language ?? own}"`)
    const prepared = prepareTemplate(template)
    const customerId = profile?.customer_id ?? "preview"
    const context = profile ? (await recipientContext(container, [customerId], await popularProducts(container, { campaign_id: campaign.id })))(customerId) : { points: 0, tier: null, recommended_products: [] }
    const { substitutions } = personalize({
      recipient: { id: `preview_${customerId}`, campaign_id: campaign.id, customer_id: customerId, first_name: profile?.first_name ?? null },
      template: prepared,
      utm: campaign.utm as Record<string, string> | null,
      context,
      publicUrl: campaigns.getCampaignOptions().publicUrl,
      linkDays: 1,
    })
    return new StepResponse({ language: template.language, ...renderForPreview(prepared, substitutions), from_email: campaign.from_email, from_name: campaign.from_name })
  }
)
