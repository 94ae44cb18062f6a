import { Input } from "@medusajs/ui"
import { useSaveEarnRule } from "../../hooks/use-earn-rules"
import { useRuleScopes } from "../../hooks/use-rule-scopes"
import { fromDateTimeLocal, toDateTimeLocal } from "../../lib/format"
import type { AdminEarnRulePayload, EarnRule } from "../../lib/types"
import { EntityDrawer, type EntityDrawerProps, type FieldErrors } from "../common/entity-drawer"
import { FormField } from "../common/form-field"
import { NumberField } from "../common/form-drawer-parts"
import { ScopeSelect } from "../common/scope-select"
import { SwitchField } from "../common/switch-field"
import { MultipliersEditor, type MultiplierDraft } from "./multipliers-editor"

/** The form as typed: numbers and dates stay text until saved. */
type EarnRuleDraft = {
  name: string
  points_per_unit: string
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  customer_group_id: string | null
  multipliers: MultiplierDraft[]
  include_shipping: boolean
  include_tax: boolean
  starts_at: string
  ends_at: string
  is_active: boolean
  priority: string
}

const FIELDS = [
  "name",
  "points_per_unit",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "customer_group_id",
  "multipliers",
  "starts_at",
  "ends_at",
  "priority",
] as const
type Errors = FieldErrors<(typeof FIELDS)[number]>

function toDraft(rule: EarnRule | null): EarnRuleDraft {
  return {
    name: rule?.name ?? "",
    points_per_unit: rule ? String(rule.points_per_unit) : "1",
    currency_code: rule?.currency_code ?? "",
    region_id: rule?.region_id ?? null,
    sales_channel_id: rule?.sales_channel_id ?? null,
    customer_group_id: rule?.customer_group_id ?? null,
    multipliers: (rule?.multipliers?.items ?? []).map((item) => ({ ...item, multiplier: String(item.multiplier) })),
    include_shipping: rule?.include_shipping ?? false,
    include_tax: rule?.include_tax ?? false,
    starts_at: toDateTimeLocal(rule?.starts_at),
    ends_at: toDateTimeLocal(rule?.ends_at),
    is_active: rule?.is_active ?? true,
    priority: rule ? String(rule.priority) : "0",
  }
}

/** Checks what the browser can check and builds the request body; the server checks the rest. */
function toPayload(draft: EarnRuleDraft): { payload?: AdminEarnRulePayload; errors: Errors } {
  const errors: Errors = {}
  const pointsPerUnit = Number(draft.points_per_unit)
  const priority = Number(draft.priority || "0")
  const currency = draft.currency_code.trim().toLowerCase()
  if (!draft.name.trim()) {
    errors.name = "A name is required."
  }
  if (!(pointsPerUnit > 0)) {
    errors.points_per_unit = "Enter the points earned per currency unit, above 0."
  }
  if (currency && !/^[a-z]{3}$/.test(currency)) {
    errors.currency_code = "Use a 3-letter currency code, e.g. eur."
  }
  if (!Number.isInteger(priority)) {
    errors.priority = "Priority is a whole number."
  }
  if (draft.multipliers.some((item) => !item.id.trim() || !(Number(item.multiplier) > 0))) {
    errors.multipliers = "Each multiplier needs an id and a factor above 0."
  }
  if (draft.starts_at && draft.ends_at && new Date(draft.ends_at) <= new Date(draft.starts_at)) {
    errors.ends_at = "The end must be after the start."
  }
  if (Object.keys(errors).length) {
    return { errors }
  }
  return {
    errors,
    payload: {
      name: draft.name.trim(),
      points_per_unit: pointsPerUnit,
      currency_code: currency || null,
      region_id: draft.region_id,
      sales_channel_id: draft.sales_channel_id,
      customer_group_id: draft.customer_group_id,
      multipliers: {
        items: draft.multipliers.map((item) => ({
          target: item.target,
          id: item.id.trim(),
          multiplier: Number(item.multiplier),
        })),
      },
      include_shipping: draft.include_shipping,
      include_tax: draft.include_tax,
      starts_at: fromDateTimeLocal(draft.starts_at),
      ends_at: fromDateTimeLocal(draft.ends_at),
      is_active: draft.is_active,
      priority,
    },
  }
}

/** The scopes a rule can be limited to, each picked from Medusa's own list. */
const SCOPES = [
  { key: "region_id", label: "Region", anyLabel: "Any region", options: "regions" },
  { key: "sales_channel_id", label: "Sales channel", anyLabel: "Any sales channel", options: "salesChannels" },
  { key: "customer_group_id", label: "Customer group", anyLabel: "All customers", options: "customerGroups" },
] as const

/** Creates an earn rule (`entity` null) or edits one. */
export const EarnRuleDrawer = (props: EntityDrawerProps<EarnRule>) => {
  const scopes = useRuleScopes()
  return (
    <EntityDrawer
      {...props}
      noun="earn rule"
      description="How many points an order earns"
      toDraft={toDraft}
      toPayload={toPayload}
      fields={FIELDS}
      mutation={useSaveEarnRule()}
      savedName={({ earn_rule }) => earn_rule.name}
    >
      {({ draft, set, errors }) => (
        <>
          <FormField id="earn-rule-name" label="Name" error={errors.name}>
            <Input id="earn-rule-name" value={draft.name} onChange={(e) => set("name", e.target.value)} />
          </FormField>
          <div className="grid grid-cols-2 gap-x-4">
            <NumberField
              id="earn-rule-points-per-unit"
              label="Points per currency unit"
              hint="1 = one point per unit of the order's currency (e.g. per euro)."
              error={errors.points_per_unit}
              min={0}
              step="any"
              value={draft.points_per_unit}
              onChange={(value) => set("points_per_unit", value)}
            />
            <FormField
              id="earn-rule-currency"
              label="Currency"
              optional
              hint="Empty: orders in any currency."
              error={errors.currency_code}
            >
              <Input
                id="earn-rule-currency"
                placeholder="eur"
                maxLength={3}
                value={draft.currency_code}
                onChange={(e) => set("currency_code", e.target.value.toLowerCase())}
              />
            </FormField>
          </div>
          {SCOPES.map((scope) => (
            <FormField key={scope.key} id={`earn-rule-${scope.key}`} label={scope.label} error={errors[scope.key]}>
              <ScopeSelect
                id={`earn-rule-${scope.key}`}
                value={draft[scope.key]}
                onChange={(value) => set(scope.key, value)}
                options={scopes[scope.options]}
                anyLabel={scope.anyLabel}
              />
            </FormField>
          ))}
          <FormField id="earn-rule-multipliers" label="Multipliers" optional error={errors.multipliers}>
            <MultipliersEditor items={draft.multipliers} onChange={(items) => set("multipliers", items)} />
          </FormField>
          <div className="grid grid-cols-2 gap-x-4">
            <FormField id="earn-rule-starts-at" label="Starts" optional error={errors.starts_at}>
              <Input
                id="earn-rule-starts-at"
                type="datetime-local"
                value={draft.starts_at}
                onChange={(e) => set("starts_at", e.target.value)}
              />
            </FormField>
            <FormField id="earn-rule-ends-at" label="Ends" optional error={errors.ends_at}>
              <Input
                id="earn-rule-ends-at"
                type="datetime-local"
                value={draft.ends_at}
                onChange={(e) => set("ends_at", e.target.value)}
              />
            </FormField>
          </div>
          <NumberField
            id="earn-rule-priority"
            label="Priority"
            hint="Of the rules matching an order, the most specific applies; among equally specific ones, the highest priority."
            error={errors.priority}
            step={1}
            value={draft.priority}
            onChange={(value) => set("priority", value)}
          />
          <SwitchField
            id="earn-rule-include-shipping"
            label="Include shipping"
            hint="Shipping costs earn points too."
            checked={draft.include_shipping}
            onCheckedChange={(checked) => set("include_shipping", checked)}
          />
          <SwitchField
            id="earn-rule-include-tax"
            label="Include tax"
            hint="Points are computed on the amount with tax."
            checked={draft.include_tax}
            onCheckedChange={(checked) => set("include_tax", checked)}
          />
          <SwitchField
            id="earn-rule-active"
            label="Active"
            checked={draft.is_active}
            onCheckedChange={(checked) => set("is_active", checked)}
          />
        </>
      )}
    </EntityDrawer>
  )
}
