import { StatusBadge } from "@medusajs/ui"
import type { CampaignStatus } from "../../lib/email-campaign-types"

const LOOK: Record<CampaignStatus, { color: "grey" | "blue" | "orange" | "green" | "red" | "purple"; label: string }> = {
  draft: { color: "grey", label: "Draft" },
  scheduled: { color: "blue", label: "Scheduled" },
  sending: { color: "purple", label: "Sending" },
  paused: { color: "orange", label: "Paused" },
  sent: { color: "green", label: "Sent" },
  cancelled: { color: "red", label: "Cancelled" },
}

/** A campaign's status in its colour: draft grey, scheduled blue, sending purple, paused orange, sent green, cancelled red. */
export const CampaignStatusBadge = ({ status }: { status: CampaignStatus }) => (
  <StatusBadge color={LOOK[status].color}>{LOOK[status].label}</StatusBadge>
)
