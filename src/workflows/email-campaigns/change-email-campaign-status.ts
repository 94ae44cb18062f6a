import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { EmailCampaignEvents } from "../../modules/email-campaigns/events"
import { transitionCampaignStatusStep } from "./steps/transition-campaign-status"

/** The admin's actions on a campaign and the statuses each may start from. */
export const CAMPAIGN_ACTIONS = {
  /** From draft, or again (a new time) while it has not started; the route refuses a started one. */
  schedule: { from: ["draft", "scheduled", "paused"], to: "scheduled" },
  pause: { from: ["sending", "scheduled"], to: "paused" },
  resume: { from: ["paused"], to: "sending" },
  cancel: { from: ["draft", "scheduled", "sending", "paused"], to: "cancelled" },
} as const

export type CampaignAction = keyof typeof CAMPAIGN_ACTIONS

export const changeEmailCampaignStatusWorkflowId = "change-email-campaign-status"

/**
 * Schedules (now or at `send_at`), pauses, resumes or cancels a campaign. A resumed campaign that
 * has started goes back to sending on the worker; one paused before it started goes back to scheduled.
 */
export const changeEmailCampaignStatusWorkflow = createWorkflow(
  changeEmailCampaignStatusWorkflowId,
  (input: { id: string; action: CampaignAction; send_at?: Date | string | null; started?: boolean }) => {
    const changed = transitionCampaignStatusStep(
      transform({ input }, ({ input }) => {
        const action = CAMPAIGN_ACTIONS[input.action]
        const set: Record<string, unknown> =
          input.action === "schedule"
            ? { scheduled_at: input.send_at ? new Date(input.send_at) : new Date() }
            : input.action === "pause"
              ? { paused_at: new Date() }
              : input.action === "cancel"
                ? { finished_at: new Date() }
                : {}
        return { id: input.id, from: [...action.from], to: input.action === "resume" && !input.started ? "scheduled" : action.to, set }
      })
    )
    when({ changed }, ({ changed }) => changed.status === "sending").then(() => {
      emitEventStep({ eventName: EmailCampaignEvents.SEND_REQUESTED, data: transform({ input }, ({ input }) => ({ id: input.id })) })
    })
    return new WorkflowResponse(changed)
  }
)
