import { Badge, Text } from "@medusajs/ui"
import { useCatalogNames } from "../../hooks/use-catalog"
import { useDeletePurchaseRewardRule, usePurchaseRewardRules } from "../../hooks/use-purchase-reward-rules"
import { formatPoints } from "../../lib/format"
import { REWARD_TYPE_LABELS } from "../../lib/reward-types"
import type { PurchaseRewardRule } from "../../lib/types"
import { ActiveBadge } from "../common/active-badge"
import { EntityTableSection, type Column } from "../common/entity-table-section"
import { PurchaseRewardRuleDrawer } from "./purchase-reward-rule-drawer"

/** The columns, with the names of the products and variants the rules shown refer to. */
function usePurchaseRewardRuleColumns(rules: PurchaseRewardRule[]): Column<PurchaseRewardRule>[] {
  const names = useCatalogNames({
    productIds: rules.flatMap((rule) => (rule.product_id ? [rule.product_id] : [])),
    variantIds: rules.flatMap((rule) => [rule.variant_id, rule.gift_variant_id].filter((id): id is string => !!id)),
  })
  const describeReward = (rule: PurchaseRewardRule) => {
    if (rule.reward_type === "bonus_points") {
      return `+${formatPoints(rule.bonus_points ?? 0)} points`
    }
    const gift = rule.gift_variant_id
      ? names.variantName(rule.gift_variant_id) ?? rule.gift_variant_id
      : "the variant bought"
    return `${rule.gift_quantity} × ${gift}`
  }
  return [
    { header: "Name", cell: (rule) => rule.name },
    {
      header: "Purchases of",
      cell: (rule) => (
        <div className="flex items-center gap-x-2">
          <Badge size="2xsmall">{rule.variant_id ? "Variant" : "Product"}</Badge>
          <span className="truncate">
            {rule.variant_id
              ? names.variantName(rule.variant_id) ?? rule.variant_id
              : names.productName(rule.product_id) ?? rule.product_id}
          </span>
        </div>
      ),
    },
    { header: "Every", cell: (rule) => `${rule.every_quantity} units` },
    {
      header: "Reward",
      cell: (rule) => (
        <div className="flex flex-col">
          <Text size="small">{REWARD_TYPE_LABELS[rule.reward_type]}</Text>
          <Text size="xsmall" className="text-ui-fg-muted">
            {describeReward(rule)}
          </Text>
        </div>
      ),
    },
    { header: "Status", cell: (rule) => <ActiveBadge active={rule.is_active} /> },
  ]
}

/** The "buy N, get one" rules: list, create, edit, delete. */
export const PurchaseRewardRulesSection = () => (
  <EntityTableSection
    title="Buy N, get 1"
    description="Every N units of a product a customer buys earn a gift, a free-unit code or bonus points."
    noun="buy-N-get-1 rule"
    emptyText="No buy-N-get-1 rules yet."
    pageSize={20}
    useList={usePurchaseRewardRules}
    rowsOf={(data) => data.purchase_reward_rules}
    useColumns={usePurchaseRewardRuleColumns}
    Drawer={PurchaseRewardRuleDrawer}
    deleteMutation={useDeletePurchaseRewardRule()}
    deleteDescription="Purchases stop counting towards this reward. Rewards already issued stay in the gift-shipment queue."
  />
)
