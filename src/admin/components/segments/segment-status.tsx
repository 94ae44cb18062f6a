import { StatusBadge, Text, Tooltip } from "@medusajs/ui"
import { formatDateTime } from "../../lib/format"
import { formatCount, formatRelative } from "../../lib/segment-format"
import type { Segment } from "../../lib/segment-types"

/** "Live" in green or "Paused" in grey. */
export const LiveBadge = ({ live }: { live: boolean }) => (
  <StatusBadge color={live ? "green" : "grey"}>{live ? "Live" : "Paused"}</StatusBadge>
)

/** "Computing members…" while the worker recomputes the membership after a save or a refresh. */
export const RefreshingBadge = () => <StatusBadge color="orange">Computing members…</StatusBadge>

/** When the members were last computed in full, as "5 minutes ago" with the exact time on hover. */
export const LastRefreshed = ({ at }: { at: string | null }) =>
  at ? (
    <Tooltip content={formatDateTime(at)}>
      <span className="txt-compact-small text-ui-fg-subtle">{formatRelative(at)}</span>
    </Tooltip>
  ) : (
    <span className="txt-compact-small text-ui-fg-muted">never</span>
  )

/** A saved segment's state under its title: live or paused, members (or computing), last full refresh. */
export const SegmentStatus = ({ segment }: { segment: Segment }) => (
  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
    <LiveBadge live={segment.is_live} />
    {segment.refreshing ? (
      <RefreshingBadge />
    ) : (
      <Text size="small" weight="plus">
        {formatCount(segment.member_count)} {segment.member_count === 1 ? "member" : "members"}
      </Text>
    )}
    <span className="txt-compact-small text-ui-fg-subtle whitespace-nowrap">
      Last refreshed <LastRefreshed at={segment.last_refreshed_at} />
    </span>
  </div>
)
