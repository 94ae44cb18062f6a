import { useRuleScopes } from "../../hooks/use-rule-scopes"
import { useDeleteTier, useTiers } from "../../hooks/use-tiers"
import { formatPoints } from "../../lib/format"
import type { LoyaltyTier } from "../../lib/types"
import { ActiveBadge } from "../common/active-badge"
import { EntityTableSection, type Column } from "../common/entity-table-section"
import { TierDrawer } from "./tier-drawer"

/** "500 points" or "1,000 EUR spent", over the last 12 months. */
function describeThreshold(tier: LoyaltyTier): string {
  const threshold = formatPoints(Number(tier.threshold))
  return tier.basis === "spend" ? `${threshold} ${tier.currency_code?.toUpperCase() ?? ""} spent` : `${threshold} points`
}

function useTierColumns(): Column<LoyaltyTier>[] {
  const { customerGroups } = useRuleScopes()
  return [
    { header: "Rank", cell: (tier) => tier.rank },
    { header: "Name", cell: (tier) => tier.name },
    { header: "Reached at (12 months)", className: "whitespace-nowrap", cell: describeThreshold },
    { header: "Earn multiplier", cell: (tier) => `× ${Number(tier.earn_multiplier)}` },
    {
      header: "Customer group",
      cell: (tier) =>
        tier.customer_group_id
          ? customerGroups.find((group) => group.id === tier.customer_group_id)?.name || tier.customer_group_id
          : "—",
    },
    { header: "Status", cell: (tier) => <ActiveBadge active={tier.is_active} /> },
  ]
}

/** The loyalty tiers: list, create, edit, delete. */
export const TiersSection = () => (
  <EntityTableSection
    title="Tiers"
    description="Customers reach the highest tier their last 12 months of points or spend qualify for, and move down when they no longer do."
    noun="tier"
    emptyText="No tiers yet."
    pageSize={20}
    useList={useTiers}
    rowsOf={(data) => data.tiers}
    useColumns={useTierColumns}
    Drawer={TierDrawer}
    deleteMutation={useDeleteTier()}
    deleteDescription="Customers leave this tier and its customer group at the next evaluation. Points already earned stay."
  />
)
