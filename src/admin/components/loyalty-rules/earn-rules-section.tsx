import { Badge, Text } from "@medusajs/ui"
import { useDeleteEarnRule, useEarnRules } from "../../hooks/use-earn-rules"
import { useRuleScopes } from "../../hooks/use-rule-scopes"
import { formatDate } from "../../lib/format"
import type { EarnRule, NamedEntity } from "../../lib/types"
import { ActiveBadge } from "../common/active-badge"
import { EntityTableSection, type Column } from "../common/entity-table-section"
import { EarnRuleDrawer } from "./earn-rule-drawer"

/** The scopes a rule is limited to, as short labels: currency, region, sales channel, customer group. */
function describeScope(rule: EarnRule, scopes: ReturnType<typeof useRuleScopes>): string[] {
  const nameOf = (list: NamedEntity[], id: string | null) => id && (list.find((item) => item.id === id)?.name || id)
  return [
    rule.currency_code && rule.currency_code.toUpperCase(),
    nameOf(scopes.regions, rule.region_id),
    nameOf(scopes.salesChannels, rule.sales_channel_id),
    nameOf(scopes.customerGroups, rule.customer_group_id),
  ].filter((part): part is string => !!part)
}

function describeDates(rule: EarnRule): string {
  if (!rule.starts_at && !rule.ends_at) {
    return "Always"
  }
  return `${rule.starts_at ? formatDate(rule.starts_at) : "…"} – ${rule.ends_at ? formatDate(rule.ends_at) : "…"}`
}

function useEarnRuleColumns(): Column<EarnRule>[] {
  const scopes = useRuleScopes()
  return [
    { header: "Name", cell: (rule) => rule.name },
    {
      header: "Rate",
      className: "whitespace-nowrap",
      cell: (rule) => (
        <>
          {Number(rule.points_per_unit)} pt per {rule.currency_code?.toUpperCase() ?? "unit"}
          {(rule.include_shipping || rule.include_tax) && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {[rule.include_shipping && "incl. shipping", rule.include_tax && "incl. tax"].filter(Boolean).join(", ")}
            </Text>
          )}
        </>
      ),
    },
    {
      header: "Limited to",
      cell: (rule) => {
        const scope = describeScope(rule, scopes)
        return scope.length ? (
          <div className="flex flex-wrap gap-1">
            {scope.map((part) => (
              <Badge key={part} size="2xsmall">
                {part}
              </Badge>
            ))}
          </div>
        ) : (
          "Every order"
        )
      },
    },
    { header: "Multipliers", cell: (rule) => rule.multipliers?.items.length || "—" },
    { header: "Dates", className: "whitespace-nowrap", cell: describeDates },
    { header: "Priority", cell: (rule) => rule.priority },
    { header: "Status", cell: (rule) => <ActiveBadge active={rule.is_active} /> },
  ]
}

/** The earn rules: list, create, edit, delete. */
export const EarnRulesSection = () => (
  <EntityTableSection
    title="Earn rules"
    description="How many points an order earns. The most specific active rule matching an order applies."
    noun="earn rule"
    emptyText="No earn rules yet: orders earn no points until you create one."
    pageSize={20}
    useList={useEarnRules}
    rowsOf={(data) => data.earn_rules}
    useColumns={useEarnRuleColumns}
    Drawer={EarnRuleDrawer}
    deleteMutation={useDeleteEarnRule()}
    deleteDescription="Orders stop earning points under this rule. Points already earned keep their rate."
  />
)
