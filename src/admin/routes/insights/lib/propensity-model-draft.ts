import { errorMessage, isInvalidData } from "../../../lib/error-message"
import type { PropensityModelPayload } from "./types"

export type TargetKind = "products" | "categories" | "metadata"

/** The "New model" form as typed: numbers stay text until saved. */
export type PropensityModelDraft = {
  name: string
  kind: TargetKind
  product_ids: string[]
  category_ids: string[]
  metadata_key: string
  metadata_value: string
  horizon_days: string
}

export const PROPENSITY_MODEL_FIELDS = ["name", "target", "product_ids", "category_ids", "metadata_key", "metadata_value", "horizon_days"] as const
export type PropensityModelField = (typeof PROPENSITY_MODEL_FIELDS)[number]
export type PropensityModelErrors = Partial<Record<PropensityModelField | "form", string>>

export const emptyPropensityModelDraft = (): PropensityModelDraft => ({
  name: "",
  kind: "products",
  product_ids: [],
  category_ids: [],
  metadata_key: "",
  metadata_value: "",
  horizon_days: "30",
})

/** Checks what the browser can check (the server's rules: 7–365 days, a target of one kind) and builds the body. */
export function toPropensityModelPayload(draft: PropensityModelDraft): { payload?: PropensityModelPayload; errors: PropensityModelErrors } {
  const errors: PropensityModelErrors = {}
  if (!draft.name.trim()) {
    errors.name = "Name the model (what it predicts)."
  }
  const days = Number(draft.horizon_days)
  if (!draft.horizon_days.trim() || !Number.isInteger(days) || days < 7 || days > 365) {
    errors.horizon_days = "Enter a whole number of days between 7 and 365."
  }
  if (draft.kind === "products" && !draft.product_ids.length) {
    errors.product_ids = "Pick at least one product."
  }
  if (draft.kind === "categories" && !draft.category_ids.length) {
    errors.category_ids = "Pick at least one category."
  }
  if (draft.kind === "metadata" && !/^[A-Za-z0-9_.-]{1,100}$/.test(draft.metadata_key.trim())) {
    errors.metadata_key = "Enter a metadata key (letters, digits, _ . -)."
  }
  if (Object.keys(errors).length) {
    return { errors }
  }
  const target =
    draft.kind === "products"
      ? { product_ids: draft.product_ids }
      : draft.kind === "categories"
        ? { category_ids: draft.category_ids }
        : { metadata_key: draft.metadata_key.trim(), ...(draft.metadata_value.trim() ? { metadata_value: draft.metadata_value.trim() } : {}) }
  return { errors, payload: { name: draft.name.trim(), target, horizon_days: days } }
}

// Tried in this order: the target-level messages ("target: give product_ids and/or category_ids, or a
// metadata_key") name several fields and belong under the kind; "metadata_key is required with
// metadata_value" belongs under the key. Medusa prefixes "Invalid request: " and its generic zod
// messages name a nested path as 'target, product_ids'.
const PLACEMENT: [PropensityModelField, RegExp][] = [
  ["target", /(^|: )target:|\btarget must be an object\b|'target'/],
  ["metadata_key", /\bmetadata_key\b/],
  ["metadata_value", /\bmetadata_value\b/],
  ["product_ids", /\bproduct_ids\b/],
  ["category_ids", /\bcategory_ids\b/],
  ["horizon_days", /\bhorizon_days\b/],
  ["name", /\bname\b/],
]

/** Where a failed save's message goes: a 400 under the field it names, anything else under the form. */
export function placePropensityModelError(error: unknown): PropensityModelErrors {
  const message = errorMessage(error)
  const field = isInvalidData(error) ? PLACEMENT.find(([, pattern]) => pattern.test(message))?.[0] : undefined
  return { [field ?? "form"]: message }
}
