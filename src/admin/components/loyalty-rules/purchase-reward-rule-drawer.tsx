import { Input, Select } from "@medusajs/ui"
import { useSavePurchaseRewardRule } from "../../hooks/use-purchase-reward-rules"
import { REWARD_TYPE_LABELS } from "../../lib/reward-types"
import {
  PURCHASE_REWARD_TYPES,
  type AdminPurchaseRewardRulePayload,
  type PurchaseRewardRule,
  type PurchaseRewardType,
} from "../../lib/types"
import { EntityDrawer, type EntityDrawerProps, type FieldErrors } from "../common/entity-drawer"
import { NumberField } from "../common/form-drawer-parts"
import { FormField } from "../common/form-field"
import { SwitchField } from "../common/switch-field"
import { ProductPicker, type CatalogSelection } from "./product-picker"

/** The form as typed: numbers stay text until saved. */
type PurchaseRewardRuleDraft = {
  name: string
  target: CatalogSelection
  every_quantity: string
  reward_type: PurchaseRewardType
  bonus_points: string
  gift_variant_id: string | null
  gift_quantity: string
  is_active: boolean
}

const FIELDS = [
  "name",
  "product_id",
  "variant_id",
  "every_quantity",
  "reward_type",
  "bonus_points",
  "gift_variant_id",
  "gift_quantity",
] as const
type Errors = FieldErrors<(typeof FIELDS)[number]>

function toDraft(rule: PurchaseRewardRule | null): PurchaseRewardRuleDraft {
  return {
    name: rule?.name ?? "",
    target: { product_id: rule?.product_id ?? null, variant_id: rule?.variant_id ?? null },
    every_quantity: rule ? String(rule.every_quantity) : "10",
    reward_type: rule?.reward_type ?? "gift_shipment",
    bonus_points: rule?.bonus_points != null ? String(rule.bonus_points) : "",
    gift_variant_id: rule?.gift_variant_id ?? null,
    gift_quantity: rule ? String(rule.gift_quantity) : "1",
    is_active: rule?.is_active ?? true,
  }
}

const isWholeAbove0 = (value: string) => Number.isInteger(Number(value)) && Number(value) > 0

/** Checks what the browser can check and builds the request body; the server checks the rest. */
function toPayload(draft: PurchaseRewardRuleDraft): { payload?: AdminPurchaseRewardRulePayload; errors: Errors } {
  const errors: Errors = {}
  const isBonus = draft.reward_type === "bonus_points"
  if (!draft.name.trim()) {
    errors.name = "A name is required."
  }
  if (!draft.target.product_id && !draft.target.variant_id) {
    errors.product_id = "Pick the product or variant whose purchases count."
  }
  if (!isWholeAbove0(draft.every_quantity)) {
    errors.every_quantity = "Enter a whole number of units above 0."
  }
  if (isBonus && !isWholeAbove0(draft.bonus_points)) {
    errors.bonus_points = "Enter a whole number of points above 0."
  }
  if (!isBonus && !isWholeAbove0(draft.gift_quantity)) {
    errors.gift_quantity = "Enter a whole number above 0."
  }
  if (Object.keys(errors).length) {
    return { errors }
  }
  return {
    errors,
    payload: {
      name: draft.name.trim(),
      product_id: draft.target.product_id,
      variant_id: draft.target.variant_id,
      every_quantity: Number(draft.every_quantity),
      reward_type: draft.reward_type,
      bonus_points: isBonus ? Number(draft.bonus_points) : null,
      gift_variant_id: isBonus ? null : draft.gift_variant_id,
      gift_quantity: isBonus ? 1 : Number(draft.gift_quantity),
      is_active: draft.is_active,
    },
  }
}

/** Creates a "buy N, get one" rule (`entity` null) or edits one. */
export const PurchaseRewardRuleDrawer = (props: EntityDrawerProps<PurchaseRewardRule>) => (
  <EntityDrawer
    {...props}
    noun="buy-N-get-1 rule"
    description="A reward for every N units of a product"
    toDraft={toDraft}
    toPayload={toPayload}
    fields={FIELDS}
    // A wrong target is shown under the one picker that sets both ids.
    placeField={(field) => (field === "variant_id" ? "product_id" : field)}
    mutation={useSavePurchaseRewardRule()}
    savedName={({ purchase_reward_rule }) => purchase_reward_rule.name}
  >
    {({ draft, set, errors }) => {
      const isBonus = draft.reward_type === "bonus_points"
      return (
        <>
          <FormField id="purchase-reward-name" label="Name" error={errors.name}>
            <Input
              id="purchase-reward-name"
              placeholder="e.g. 10 boxes of test strips, the 11th is free"
              value={draft.name}
              onChange={(e) => set("name", e.target.value)}
            />
          </FormField>
          <FormField
            id="purchase-reward-target"
            label="Purchases of"
            hint="A whole product counts all its variants together."
            error={errors.product_id}
          >
            <ProductPicker
              id="purchase-reward-target"
              value={draft.target}
              onChange={(target) => set("target", target)}
            />
          </FormField>
          <NumberField
            id="purchase-reward-every"
            label="Every … units"
            hint="Units bought across the customer's orders; returned units are subtracted."
            error={errors.every_quantity}
            min={1}
            step={1}
            value={draft.every_quantity}
            onChange={(value) => set("every_quantity", value)}
          />
          <FormField id="purchase-reward-type" label="Reward" error={errors.reward_type}>
            <Select
              value={draft.reward_type}
              onValueChange={(value) => set("reward_type", value as PurchaseRewardType)}
            >
              <Select.Trigger id="purchase-reward-type">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {PURCHASE_REWARD_TYPES.map((type) => (
                  <Select.Item key={type} value={type}>
                    {REWARD_TYPE_LABELS[type]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          {isBonus ? (
            <NumberField
              id="purchase-reward-bonus"
              label="Bonus points"
              error={errors.bonus_points}
              min={1}
              step={1}
              value={draft.bonus_points}
              onChange={(value) => set("bonus_points", value)}
            />
          ) : (
            <>
              <FormField
                id="purchase-reward-gift"
                label="Gift"
                optional
                error={errors.gift_variant_id}
              >
                <ProductPicker
                  id="purchase-reward-gift"
                  variantsOnly
                  emptyLabel="The variant the customer bought"
                  value={{ product_id: null, variant_id: draft.gift_variant_id }}
                  onChange={(gift) => set("gift_variant_id", gift.variant_id)}
                />
              </FormField>
              <NumberField
                id="purchase-reward-gift-quantity"
                label="Gift quantity"
                error={errors.gift_quantity}
                min={1}
                step={1}
                value={draft.gift_quantity}
                onChange={(value) => set("gift_quantity", value)}
              />
            </>
          )}
          <SwitchField
            id="purchase-reward-active"
            label="Active"
            hint="Inactive rules stop counting purchases."
            checked={draft.is_active}
            onCheckedChange={(checked) => set("is_active", checked)}
          />
        </>
      )
    }}
  </EntityDrawer>
)
