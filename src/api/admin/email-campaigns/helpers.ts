import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"

/** A campaign with its templates; NOT_FOUND when it does not exist. */
export async function refetchEmailCampaign(scope: MedusaContainer, id: string) {
  const campaigns = scope.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
  const [campaign] = await campaigns.listEmailCampaigns({ id })
  if (!campaign) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Email campaign with id "${id}" not found`)
  }
  const templates = await campaigns.listEmailCampaignTemplates({ campaign_id: id }, { order: { language: "ASC" } })
  return { ...campaign, templates }
}
