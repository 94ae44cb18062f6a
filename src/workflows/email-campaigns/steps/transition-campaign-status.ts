import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"

export type TransitionCampaignStatusInput = { id: string; from: string[]; to: string; set?: Record<string, unknown> }

/** Moves a campaign between statuses (refused from any other); compensation puts the previous status back. */
export const transitionCampaignStatusStep = createStep(
  "transition-campaign-status",
  async (input: TransitionCampaignStatusInput, { container }) => {
    const previous = await container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).transitionStatus(input)
    return new StepResponse({ id: input.id, status: input.to, previous }, { id: input.id, previous, to: input.to })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container
      .resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
      .transitionStatus({ id: undo.id, from: [undo.to], to: undo.previous })
  }
)
