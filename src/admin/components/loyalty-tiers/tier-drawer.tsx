import { Input, Select } from "@medusajs/ui"
import { useRuleScopes } from "../../hooks/use-rule-scopes"
import { useSaveTier } from "../../hooks/use-tiers"
import { TIER_BASES, type AdminTierPayload, type LoyaltyTier, type TierBasis } from "../../lib/types"
import { EntityDrawer, type EntityDrawerProps, type FieldErrors } from "../common/entity-drawer"
import { NumberField } from "../common/form-drawer-parts"
import { FormField } from "../common/form-field"
import { ScopeSelect } from "../common/scope-select"
import { SwitchField } from "../common/switch-field"

/** The form as typed: numbers stay text until saved. */
type TierDraft = {
  name: string
  rank: string
  basis: TierBasis
  threshold: string
  currency_code: string
  earn_multiplier: string
  customer_group_id: string | null
  is_active: boolean
}

const FIELDS = ["name", "rank", "basis", "threshold", "currency_code", "earn_multiplier", "customer_group_id"] as const
type Errors = FieldErrors<(typeof FIELDS)[number]>

export const BASIS_LABELS: Record<TierBasis, string> = {
  points: "Points earned in the last 12 months",
  spend: "Amount spent in the last 12 months",
}

function toDraft(tier: LoyaltyTier | null): TierDraft {
  return {
    name: tier?.name ?? "",
    rank: tier ? String(tier.rank) : "1",
    basis: tier?.basis ?? "points",
    threshold: tier ? String(Number(tier.threshold)) : "",
    currency_code: tier?.currency_code ?? "",
    earn_multiplier: tier ? String(Number(tier.earn_multiplier)) : "1",
    customer_group_id: tier?.customer_group_id ?? null,
    is_active: tier?.is_active ?? true,
  }
}

/** Checks what the browser can check and builds the request body; the server checks the rest (unique rank, the group). */
function toPayload(draft: TierDraft): { payload?: AdminTierPayload; errors: Errors } {
  const errors: Errors = {}
  const rank = Number(draft.rank)
  const threshold = Number(draft.threshold)
  const multiplier = Number(draft.earn_multiplier)
  const currency = draft.currency_code.trim().toLowerCase()
  const isSpend = draft.basis === "spend"
  if (!draft.name.trim()) {
    errors.name = "A name is required."
  }
  if (!Number.isInteger(rank) || rank < 1) {
    errors.rank = "Rank is a whole number from 1 (the lowest tier)."
  }
  if (draft.threshold.trim() === "" || !(threshold >= 0)) {
    errors.threshold = "Enter the threshold, 0 or more."
  }
  if (isSpend && !/^[a-z]{3}$/.test(currency)) {
    errors.currency_code = "A spend tier needs the 3-letter currency it counts, e.g. eur."
  }
  if (!(multiplier > 0)) {
    errors.earn_multiplier = "The multiplier is above 0 (1 = no bonus)."
  }
  if (Object.keys(errors).length) {
    return { errors }
  }
  return {
    errors,
    payload: {
      name: draft.name.trim(),
      rank,
      basis: draft.basis,
      threshold,
      currency_code: isSpend ? currency : null,
      earn_multiplier: multiplier,
      customer_group_id: draft.customer_group_id,
      is_active: draft.is_active,
    },
  }
}

/** Creates a tier (`entity` null) or edits one. */
export const TierDrawer = (props: EntityDrawerProps<LoyaltyTier>) => {
  const scopes = useRuleScopes()
  return (
    <EntityDrawer
      {...props}
      noun="tier"
      description="A loyalty tier: its threshold, earn multiplier and customer group"
      toDraft={toDraft}
      toPayload={toPayload}
      fields={FIELDS}
      mutation={useSaveTier()}
      savedName={(saved) => saved.tier.name}
    >
      {({ draft, set, errors }) => (
        <>
          <FormField id="tier-name" label="Name" error={errors.name}>
            <Input id="tier-name" placeholder="e.g. Gold" value={draft.name} onChange={(e) => set("name", e.target.value)} />
          </FormField>
          <NumberField
            id="tier-rank"
            label="Rank"
            hint="Higher ranks are better tiers; a customer gets the highest tier they reach. One active tier per rank."
            error={errors.rank}
            min={1}
            step={1}
            value={draft.rank}
            onChange={(value) => set("rank", value)}
          />
          <FormField id="tier-basis" label="Reached by" error={errors.basis}>
            <Select value={draft.basis} onValueChange={(value) => set("basis", value as TierBasis)}>
              <Select.Trigger id="tier-basis">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {TIER_BASES.map((basis) => (
                  <Select.Item key={basis} value={basis}>
                    {BASIS_LABELS[basis]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          <div className="grid grid-cols-2 gap-x-4">
            <NumberField
              id="tier-threshold"
              label={draft.basis === "spend" ? "Amount spent" : "Points earned"}
              hint="Net of returns and refunds."
              error={errors.threshold}
              min={0}
              step="any"
              value={draft.threshold}
              onChange={(value) => set("threshold", value)}
            />
            {draft.basis === "spend" && (
              <FormField id="tier-currency" label="Currency" error={errors.currency_code}>
                <Input
                  id="tier-currency"
                  placeholder="eur"
                  maxLength={3}
                  value={draft.currency_code}
                  onChange={(e) => set("currency_code", e.target.value.toLowerCase())}
                />
              </FormField>
            )}
          </div>
          <NumberField
            id="tier-multiplier"
            label="Earn multiplier"
            hint="Points of the tier's next orders are multiplied by this (1.5 = 50% more)."
            error={errors.earn_multiplier}
            min={0}
            step="any"
            value={draft.earn_multiplier}
            onChange={(value) => set("earn_multiplier", value)}
          />
          <FormField
            id="tier-customer-group"
            label="Customer group"
            optional
            hint="Members of the tier are kept in this group, so price lists and promotions for it apply."
            error={errors.customer_group_id}
          >
            <ScopeSelect
              id="tier-customer-group"
              value={draft.customer_group_id}
              onChange={(value) => set("customer_group_id", value)}
              options={scopes.customerGroups}
              anyLabel="No customer group"
            />
          </FormField>
          <SwitchField
            id="tier-active"
            label="Active"
            hint="Inactive tiers are not reached; their members leave at the next evaluation."
            checked={draft.is_active}
            onCheckedChange={(checked) => set("is_active", checked)}
          />
        </>
      )}
    </EntityDrawer>
  )
}
