import { Input, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { reminderQueryKeys, useCycleSuggestion, useSaveReminderRule, useVariantProduct } from "../../hooks/use-reminders"
import { EntityDrawer, type EntityDrawerProps, type FieldErrors } from "../common/entity-drawer"
import { FormField } from "../common/form-field"
import { NumberField } from "../common/form-drawer-parts"
import { SwitchField } from "../common/switch-field"
import { ProductPicker, type CatalogSelection } from "../loyalty-rules/product-picker"
import { LookupPicker } from "../segments/lookup-picker"
import { VariantPicker } from "../segments/variant-picker"
import { CycleSuggestionNote } from "./cycle-suggestion-note"
import type { ReminderRule, ReminderRulePayload } from "./types"

/** A rule in the list, named for the list's shell (its title, else its product). */
export type ReminderRuleRow = ReminderRule & { name: string }

/** The form as typed: numbers stay text until saved. */
type ReminderRuleDraft = {
  title: string
  target: CatalogSelection
  days_per_unit: string
  lead_days: string
  substitute_product_ids: string[]
  substitute_variant_ids: string[]
  template: string
  max_reminders: string
  nudge_after_days: string
  use_personal_cycle: boolean
  is_active: boolean
}

const FIELDS = [
  "title",
  "product_id",
  "variant_id",
  "days_per_unit",
  "lead_days",
  "substitute_product_ids",
  "substitute_variant_ids",
  "template",
  "max_reminders",
  "nudge_after_days",
] as const
type Errors = FieldErrors<(typeof FIELDS)[number]>

function toDraft(rule: ReminderRuleRow | null): ReminderRuleDraft {
  return {
    title: rule?.title ?? "",
    target: { product_id: rule?.variant_id ? null : (rule?.product_id ?? null), variant_id: rule?.variant_id ?? null },
    days_per_unit: rule?.days_per_unit != null ? String(rule.days_per_unit) : "",
    lead_days: rule ? String(rule.lead_days) : "3",
    substitute_product_ids: rule?.substitute_product_ids ?? [],
    substitute_variant_ids: rule?.substitute_variant_ids ?? [],
    template: rule?.template ?? "repurchase-reminder",
    max_reminders: rule ? String(rule.max_reminders) : "1",
    nudge_after_days: rule ? String(rule.nudge_after_days) : "7",
    use_personal_cycle: rule?.use_personal_cycle ?? true,
    is_active: rule?.is_active ?? true,
  }
}

const wholeIn = (value: string, min: number, max: number) => Number.isInteger(Number(value)) && Number(value) >= min && Number(value) <= max && value.trim() !== ""

/**
 * Checks what the browser can check and builds the request body; the server checks the rest (the
 * product exists, one active rule per product or variant). `variantProductId` is the product of a
 * picked variant: a rule on a variant names both.
 */
function toPayloadWith(variantProductId: string | null | undefined) {
  return (draft: ReminderRuleDraft): { payload?: ReminderRulePayload; errors: Errors } => {
    const errors: Errors = {}
    const productId = draft.target.variant_id ? variantProductId : draft.target.product_id
    if (!draft.target.product_id && !draft.target.variant_id) {
      errors.product_id = "Pick the product (or one variant of it) that runs out."
    } else if (!productId) {
      errors.variant_id = "Looking up the variant's product… try again in a moment."
    }
    const days = draft.days_per_unit.trim()
    if (days && !(Number(days) > 0 && Number(days) <= 3650)) {
      errors.days_per_unit = "Enter the days one unit lasts (above 0), or leave it empty to use the learned cycle."
    }
    if (!wholeIn(draft.lead_days, 0, 365)) {
      errors.lead_days = "Enter a whole number of days between 0 and 365."
    }
    if (!wholeIn(draft.max_reminders, 1, 5)) {
      errors.max_reminders = "Between 1 and 5 reminders per cycle."
    }
    if (!wholeIn(draft.nudge_after_days, 1, 90)) {
      errors.nudge_after_days = "Enter a whole number of days between 1 and 90."
    }
    if (!draft.template.trim()) {
      errors.template = "The notification template is required."
    }
    if (Object.keys(errors).length) {
      return { errors }
    }
    return {
      errors,
      payload: {
        title: draft.title.trim() || null,
        product_id: productId!,
        variant_id: draft.target.variant_id,
        days_per_unit: days ? Number(days) : null,
        lead_days: Number(draft.lead_days),
        substitute_product_ids: draft.substitute_product_ids,
        substitute_variant_ids: draft.substitute_variant_ids,
        template: draft.template.trim(),
        max_reminders: Number(draft.max_reminders),
        nudge_after_days: Number(draft.nudge_after_days),
        use_personal_cycle: draft.use_personal_cycle,
        is_active: draft.is_active,
      },
    }
  }
}

/** The learned suggestion for what the draft covers, beside the cycle field. */
const DraftSuggestion = ({ draft, onUse }: { draft: ReminderRuleDraft; onUse: (days: number) => void }) => {
  const variantProduct = useVariantProduct(draft.target.variant_id)
  const productId = draft.target.variant_id ? (variantProduct.data ?? null) : draft.target.product_id
  const suggestion = useCycleSuggestion({
    product_id: productId,
    variant_id: draft.target.variant_id,
    substitute_product_ids: draft.substitute_product_ids,
    substitute_variant_ids: draft.substitute_variant_ids,
  })
  return (
    <CycleSuggestionNote
      suggestion={suggestion.data?.suggestion ?? null}
      isLoading={suggestion.isFetching}
      error={suggestion.error}
      onUse={onUse}
    />
  )
}

/** Creates a reminder rule (`entity` null) or edits one. */
export const ReminderRuleDrawer = (props: EntityDrawerProps<ReminderRuleRow>) => {
  const mutation = useSaveReminderRule()
  const queryClient = useQueryClient()
  // The suggestion beside the cycle field has looked up a picked variant's product by then.
  const productOfVariant = (variantId: string | null) =>
    variantId === props.entity?.variant_id ? props.entity?.product_id : queryClient.getQueryData<string | null>(reminderQueryKeys.variantProduct(variantId ?? ""))
  return (
    <EntityDrawer
      {...props}
      noun="reminder rule"
      description="How long a product lasts and when to remind its buyers"
      toDraft={toDraft}
      toPayload={(draft: ReminderRuleDraft) => toPayloadWith(productOfVariant(draft.target.variant_id))(draft)}
      fields={FIELDS}
      mutation={mutation}
      savedName={({ reminder_rule }) => reminder_rule.title ?? reminder_rule.product_id}
    >
      {({ draft, set, errors }) => (
        <>
          <FormField id="reminder-rule-target" label="Product" hint="A whole product, or one variant of it (e.g. the box of 28)." error={errors.product_id ?? errors.variant_id}>
            <ProductPicker id="reminder-rule-target" value={draft.target} onChange={(target) => set("target", target)} />
          </FormField>
          <FormField id="reminder-rule-title" label="Title" optional hint="Shown in the e-mail and the lists; empty: the product's title." error={errors.title}>
            <Input id="reminder-rule-title" value={draft.title} onChange={(e) => set("title", e.target.value)} />
          </FormField>
          <div className="grid grid-cols-2 gap-x-4">
            <NumberField
              id="reminder-rule-days-per-unit"
              label="Days per unit"
              optional
              hint="28 for a box of 28 tablets taken once a day. Empty: learned from purchases."
              error={errors.days_per_unit}
              min={0}
              step="any"
              value={draft.days_per_unit}
              onChange={(value) => set("days_per_unit", value)}
            />
            <div className="pt-7">
              <DraftSuggestion draft={draft} onUse={(days) => set("days_per_unit", String(days))} />
            </div>
          </div>
          <SwitchField
            id="reminder-rule-personal"
            label="Use each customer's own cycle"
            hint="Without days per unit: after a customer's second purchase, their own median gap replaces the store's."
            checked={draft.use_personal_cycle}
            onCheckedChange={(checked) => set("use_personal_cycle", checked)}
          />
          <NumberField
            id="reminder-rule-lead-days"
            label="Remind this many days before it runs out"
            hint="Time to reorder, or to see the doctor for a new prescription."
            error={errors.lead_days}
            min={0}
            step={1}
            value={draft.lead_days}
            onChange={(value) => set("lead_days", value)}
          />
          <FormField id="reminder-rule-substitute-products" label="Substitute products" optional hint="Buying one of these also covers the need." error={errors.substitute_product_ids}>
            <LookupPicker
              id="reminder-rule-substitute-products"
              kind="product_ids"
              label="Substitute products"
              value={draft.substitute_product_ids}
              onChange={(value) => set("substitute_product_ids", value)}
              exclude={draft.target.product_id ? [draft.target.product_id] : []}
              invalid={!!errors.substitute_product_ids}
            />
          </FormField>
          <FormField id="reminder-rule-substitute-variants" label="Substitute variants" optional error={errors.substitute_variant_ids}>
            <VariantPicker
              id="reminder-rule-substitute-variants"
              label="Substitute variants"
              value={draft.substitute_variant_ids}
              onChange={(value) => set("substitute_variant_ids", value)}
              invalid={!!errors.substitute_variant_ids}
            />
          </FormField>
          <div className="grid grid-cols-2 gap-x-4">
            <NumberField
              id="reminder-rule-max-reminders"
              label="Reminders per cycle"
              hint="1: one reminder; 2–5: nudges after it."
              error={errors.max_reminders}
              min={1}
              step={1}
              value={draft.max_reminders}
              onChange={(value) => set("max_reminders", value)}
            />
            <NumberField
              id="reminder-rule-nudge-after-days"
              label="Days between nudges"
              error={errors.nudge_after_days}
              min={1}
              step={1}
              value={draft.nudge_after_days}
              onChange={(value) => set("nudge_after_days", value)}
            />
          </div>
          <FormField id="reminder-rule-template" label="Template" hint="The notification template of the e-mail (channel email)." error={errors.template}>
            <Input id="reminder-rule-template" value={draft.template} onChange={(e) => set("template", e.target.value)} />
          </FormField>
          <SwitchField
            id="reminder-rule-active"
            label="Active"
            hint="Switched off, its scheduled reminders are withdrawn; on again, they come back."
            checked={draft.is_active}
            onCheckedChange={(checked) => set("is_active", checked)}
          />
          <Text size="xsmall" className="text-ui-fg-muted">
            Saving recomputes the coverage of everyone who bought these products, in the background.
          </Text>
        </>
      )}
    </EntityDrawer>
  )
}
