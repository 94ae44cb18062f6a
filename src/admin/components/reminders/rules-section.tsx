import { Badge, Text } from "@medusajs/ui"
import { useCatalogNames } from "../../hooks/use-catalog"
import { useDeleteReminderRule, useReminderRules } from "../../hooks/use-reminders"
import type { AdminReminderRulesResponse } from "./types"
import { ActiveBadge } from "../common/active-badge"
import { EntityTableSection, type Column } from "../common/entity-table-section"
import { ReminderRuleDrawer, type ReminderRuleRow } from "./rule-drawer"

/** The rule's cycle as set, or the learned one it falls back to with its sample. */
function describeCycle(rule: ReminderRuleRow) {
  if (rule.days_per_unit !== null) {
    return <>{rule.days_per_unit} days per unit</>
  }
  return (
    <>
      Learned{rule.learned_days_per_unit !== null ? `: ${rule.learned_days_per_unit} days per unit` : " (not yet)"}
      <Text size="xsmall" className="text-ui-fg-muted">
        {rule.learned_sample_size} gaps{rule.use_personal_cycle ? ", personal after a 2nd purchase" : ""}
      </Text>
    </>
  )
}

function useRuleColumns(rows: ReminderRuleRow[]): Column<ReminderRuleRow>[] {
  const names = useCatalogNames({
    productIds: rows.flatMap((r) => [r.product_id, ...r.substitute_product_ids]),
    variantIds: rows.flatMap((r) => [...(r.variant_id ? [r.variant_id] : []), ...r.substitute_variant_ids]),
  })
  return [
    {
      header: "Product",
      cell: (rule) => (
        <>
          {rule.title ?? names.productName(rule.product_id) ?? rule.product_id}
          {rule.variant_id && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {names.variantName(rule.variant_id) ?? rule.variant_id}
            </Text>
          )}
        </>
      ),
    },
    { header: "Cycle", cell: describeCycle },
    { header: "Lead", className: "whitespace-nowrap", cell: (rule) => `${rule.lead_days} days before` },
    {
      header: "Reminders",
      className: "whitespace-nowrap",
      cell: (rule) => (rule.max_reminders > 1 ? `${rule.max_reminders}, every ${rule.nudge_after_days} days` : "1"),
    },
    {
      header: "Substitutes",
      cell: (rule) => {
        const labels = [
          ...rule.substitute_product_ids.map((id) => names.productName(id) ?? id),
          ...rule.substitute_variant_ids.map((id) => names.variantName(id) ?? id),
        ]
        return labels.length ? (
          <div className="flex flex-wrap gap-1">
            {labels.map((label) => (
              <Badge key={label} size="2xsmall">
                {label}
              </Badge>
            ))}
          </div>
        ) : (
          "—"
        )
      },
    },
    { header: "Status", cell: (rule) => <ActiveBadge active={rule.is_active} /> },
  ]
}

/** The reminder rules: list, create, edit, delete. */
export const ReminderRulesSection = () => (
  <EntityTableSection
    title="Reminder rules"
    description="How long each product lasts and when its buyers are reminded to reorder."
    noun="reminder rule"
    emptyText="No reminder rules yet: create one for a product customers run out of."
    pageSize={20}
    useList={useReminderRules}
    rowsOf={(data: AdminReminderRulesResponse) => data.reminder_rules.map((rule) => ({ ...rule, name: rule.title ?? rule.product_id }))}
    useColumns={useRuleColumns}
    Drawer={ReminderRuleDrawer}
    deleteMutation={useDeleteReminderRule()}
    deleteDescription="Its scheduled reminders are withdrawn. Reminders already sent stay in the report."
  />
)
