import { Text } from "@medusajs/ui"
import { formatRate } from "../../lib/email-campaign-report"
import type { CampaignCounts } from "../../lib/email-campaign-types"
import { formatCount } from "../../lib/segment-format"

const TILES: { key: keyof CampaignCounts; label: string; of?: keyof CampaignCounts }[] = [
  { key: "audience", label: "Audience" },
  { key: "holdout", label: "Holdout", of: "audience" },
  { key: "sent", label: "Sent" },
  { key: "failed", label: "Failed" },
  { key: "suppressed", label: "Suppressed" },
  { key: "delivered", label: "Delivered", of: "sent" },
  { key: "bounced", label: "Bounced", of: "sent" },
  { key: "opened", label: "Opened", of: "sent" },
  { key: "clicked", label: "Clicked", of: "sent" },
  { key: "unsubscribed", label: "Unsubscribed", of: "sent" },
]

/** Every count of the report as a tile, rates of sent (or of the audience, for the holdout) beside them. */
export const ReportCounts = ({ counts }: { counts: CampaignCounts }) => (
  <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
    {TILES.map((tile) => (
      <div key={tile.key} className="bg-ui-bg-subtle shadow-borders-base flex flex-col rounded-md px-3 py-2">
        <Text size="xsmall" className="text-ui-fg-subtle" asChild>
          <dt>{tile.label}</dt>
        </Text>
        <dd className="flex items-baseline gap-x-1.5">
          <span className="txt-compact-large-plus tabular-nums">{formatCount(counts[tile.key])}</span>
          {tile.of && counts[tile.of] > 0 && <span className="txt-compact-xsmall text-ui-fg-muted">{formatRate(counts[tile.key] / counts[tile.of])}</span>}
        </dd>
      </div>
    ))}
  </dl>
)
