import { Drawer, Input, Select, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { FormDrawerFooter, FormError, NumberField } from "../../../components/common/form-drawer-parts"
import { FormField } from "../../../components/common/form-field"
import { LookupPicker } from "../../../components/segments/lookup-picker"
import {
  emptyPropensityModelDraft,
  placePropensityModelError,
  toPropensityModelPayload,
  type PropensityModelDraft,
  type PropensityModelErrors,
  type TargetKind,
} from "../lib/propensity-model-draft"
import type { PropensityModel } from "../lib/types"
import { useCreatePropensityModel } from "../lib/use-propensity-models"

/**
 * "New model": what to predict (products, the products of categories, or a customer metadata
 * flag) and within how many days. The worker trains it in the background; `onCreated` opens it.
 */
export const NewPropensityModelDrawer = ({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onCreated: (model: PropensityModel) => void
}) => {
  const create = useCreatePropensityModel()
  const [draft, setDraft] = useState<PropensityModelDraft>(emptyPropensityModelDraft)
  const [errors, setErrors] = useState<PropensityModelErrors>({})
  useEffect(() => {
    if (open) {
      setDraft(emptyPropensityModelDraft())
      setErrors({})
    }
  }, [open])
  const set = <K extends keyof PropensityModelDraft>(key: K, value: PropensityModelDraft[K]) => setDraft((current) => ({ ...current, [key]: value }))

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const { payload, errors: nextErrors } = toPropensityModelPayload(draft)
    setErrors(nextErrors)
    if (!payload) {
      return
    }
    create.mutate(payload, {
      onSuccess: ({ propensity_model }) => {
        toast.success("Model created", { description: `${propensity_model.name} is training in the background.` })
        onOpenChange(false)
        onCreated(propensity_model)
      },
      onError: (error) => setErrors(placePropensityModelError(error)),
    })
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>New propensity model</Drawer.Title>
            <Drawer.Description className="sr-only">Who is likely to buy a target within a number of days</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <FormField id="propensity-name" label="Name" error={errors.name}>
              <Input id="propensity-name" value={draft.name} placeholder="Will buy running shoes" onChange={(e) => set("name", e.target.value)} />
            </FormField>
            <FormField id="propensity-kind" label="Predicts" error={errors.target} hint="A purchase of the products, of any product in the categories, or a flag in the customer's metadata.">
              <Select value={draft.kind} onValueChange={(value) => set("kind", value as TargetKind)}>
                <Select.Trigger id="propensity-kind">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="products">Buys one of these products</Select.Item>
                  <Select.Item value="categories">Buys from these categories</Select.Item>
                  <Select.Item value="metadata">Gets a metadata flag</Select.Item>
                </Select.Content>
              </Select>
            </FormField>
            {draft.kind === "products" && (
              <FormField id="propensity-products" label="Products" error={errors.product_ids}>
                <LookupPicker
                  id="propensity-products"
                  kind="product_ids"
                  label="Products"
                  value={draft.product_ids}
                  onChange={(ids) => set("product_ids", ids)}
                  invalid={!!errors.product_ids}
                />
              </FormField>
            )}
            {draft.kind === "categories" && (
              <FormField id="propensity-categories" label="Categories" error={errors.category_ids} hint="Their products as they are when the model is trained.">
                <LookupPicker
                  id="propensity-categories"
                  kind="category_ids"
                  label="Categories"
                  value={draft.category_ids}
                  onChange={(ids) => set("category_ids", ids)}
                  invalid={!!errors.category_ids}
                />
              </FormField>
            )}
            {draft.kind === "metadata" && (
              <>
                <FormField id="propensity-metadata-key" label="Metadata key" error={errors.metadata_key}>
                  <Input
                    id="propensity-metadata-key"
                    value={draft.metadata_key}
                    placeholder="subscribed_newsletter"
                    onChange={(e) => set("metadata_key", e.target.value)}
                    aria-invalid={!!errors.metadata_key}
                  />
                </FormField>
                <FormField id="propensity-metadata-value" label="Value" optional error={errors.metadata_value} hint="Empty: the flag is true.">
                  <Input id="propensity-metadata-value" value={draft.metadata_value} onChange={(e) => set("metadata_value", e.target.value)} />
                </FormField>
              </>
            )}
            <NumberField
              id="propensity-horizon"
              label="Within (days)"
              hint="7 to 365. The cut date is today minus this horizon: the model learns from the horizon before it and is checked on the horizon after it (held out)."
              error={errors.horizon_days}
              value={draft.horizon_days}
              onChange={(value) => set("horizon_days", value)}
              min={7}
              step={1}
            />
            <FormError message={errors.form} />
          </Drawer.Body>
          <FormDrawerFooter isSaving={create.isPending} />
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
