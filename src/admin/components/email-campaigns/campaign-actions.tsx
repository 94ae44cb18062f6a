import { Pause, PlaySolid, Trash, XCircle } from "@medusajs/icons"
import { Button, toast, usePrompt } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useChangeEmailCampaignStatus, useDeleteEmailCampaign } from "../../hooks/use-email-campaigns"
import { errorMessage } from "../../lib/error-message"
import type { CampaignAction, EmailCampaign } from "../../lib/email-campaign-types"

type Confirm = { title: string; description: string; confirmText: string; danger?: boolean; done: string }

/** What each action asks before it runs, and says after. */
function confirmation(action: Exclude<CampaignAction, "schedule">, campaign: EmailCampaign): Confirm {
  switch (action) {
    case "pause":
      return {
        title: `Pause "${campaign.name}"?`,
        description: campaign.started_at
          ? "Sending stops after the batch under way; nobody is sent to twice when you resume."
          : "It will not start at its time until you resume it.",
        confirmText: "Pause",
        done: "Campaign paused",
      }
    case "resume":
      return {
        title: `Resume "${campaign.name}"?`,
        description: campaign.started_at
          ? "Sending continues with the recipients not sent to yet."
          : "It is scheduled again for its time (or starts within a minute if that has passed).",
        confirmText: "Resume",
        done: "Campaign resumed",
      }
    case "cancel":
      return {
        title: `Cancel "${campaign.name}"?`,
        description: campaign.started_at
          ? "Recipients not sent to yet will never get it. What was sent stays in the report. This cannot be undone."
          : "It will never be sent. This cannot be undone.",
        confirmText: "Cancel campaign",
        danger: true,
        done: "Campaign cancelled",
      }
  }
}

/**
 * The buttons a campaign's status allows: pause (scheduled or sending), resume (paused), cancel
 * (anything not finished), delete (draft or cancelled); each asks first. The server's refusal is
 * handed to `onError`, to be shown beside them.
 */
export const CampaignActions = ({ campaign, onError }: { campaign: EmailCampaign; onError: (message: string | null) => void }) => {
  const prompt = usePrompt()
  const navigate = useNavigate()
  const change = useChangeEmailCampaignStatus()
  const remove = useDeleteEmailCampaign()

  const run = async (action: Exclude<CampaignAction, "schedule">) => {
    const ask = confirmation(action, campaign)
    const confirmed = await prompt({
      title: ask.title,
      description: ask.description,
      confirmText: ask.confirmText,
      cancelText: "Back",
      variant: ask.danger ? "danger" : "confirmation",
    })
    if (!confirmed) return
    onError(null)
    change.mutate(
      { id: campaign.id, body: { action } },
      {
        onSuccess: () => toast.success(ask.done, { description: campaign.name }),
        onError: (error) => onError(errorMessage(error)),
      }
    )
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: `Delete "${campaign.name}"?`,
      description: "The campaign and its templates are removed.",
      confirmText: "Delete",
      cancelText: "Back",
      variant: "danger",
    })
    if (!confirmed) return
    onError(null)
    remove.mutate(campaign.id, {
      onSuccess: () => {
        toast.success("Campaign deleted", { description: campaign.name })
        navigate("/email-campaigns")
      },
      onError: (error) => onError(errorMessage(error)),
    })
  }

  const busy = change.isPending || remove.isPending
  const { status } = campaign
  return (
    <div className="flex items-center gap-x-2">
      {(status === "scheduled" || status === "sending") && (
        <Button size="small" variant="secondary" disabled={busy} onClick={() => run("pause")}>
          <Pause />
          Pause
        </Button>
      )}
      {status === "paused" && (
        <Button size="small" variant="secondary" disabled={busy} onClick={() => run("resume")}>
          <PlaySolid />
          Resume
        </Button>
      )}
      {(status === "scheduled" || status === "sending" || status === "paused") && (
        <Button size="small" variant="secondary" disabled={busy} onClick={() => run("cancel")}>
          <XCircle />
          Cancel campaign
        </Button>
      )}
      {(status === "draft" || status === "cancelled") && (
        <Button size="small" variant="secondary" disabled={busy} onClick={onDelete}>
          <Trash />
          Delete
        </Button>
      )}
    </div>
  )
}
