import { COUNTRY_LISTS } from "./country-lists"
import {
  BROWSING_EVENTS,
  CHURN_RISK_LEVELS,
  CHURN_RISK_OPS,
  CONSENT_PURPOSES,
  DATE_OPS,
  METADATA_OPS,
  NUMBER_OPS,
  RFM_DIMENSIONS,
  TIME_UNITS,
  type ConditionField,
} from "./schema"

/** What the segment builder needs to know of a field: its group, label, operators and inputs. */
export type FieldDescription = {
  field: ConditionField
  group: "Customer" | "Location" | "Orders" | "Products" | "Loyalty" | "Segments"
  label: string
  ops: readonly string[]
  /** The inputs the condition takes besides `op`. */
  inputs: { name: string; kind: string; required: boolean; options?: readonly string[] }[]
}

const date = (field: ConditionField, group: FieldDescription["group"], label: string): FieldDescription => ({
  field,
  group,
  label,
  ops: DATE_OPS,
  inputs: [
    { name: "date", kind: "date", required: false },
    { name: "from", kind: "date", required: false },
    { name: "to", kind: "date", required: false },
    { name: "amount", kind: "integer", required: false },
    { name: "unit", kind: "enum", required: false, options: TIME_UNITS },
  ],
})

const numberInputs = [
  { name: "value", kind: "number", required: false },
  { name: "from", kind: "number", required: false },
  { name: "to", kind: "number", required: false },
]
const windowInput = { name: "window", kind: "window", required: false }
const productInputs = [
  { name: "product_ids", kind: "product_ids", required: false },
  { name: "variant_ids", kind: "variant_ids", required: false },
  { name: "skus", kind: "strings", required: false },
  { name: "collection_ids", kind: "collection_ids", required: false },
  { name: "category_ids", kind: "category_ids", required: false },
  { name: "tag_ids", kind: "tag_ids", required: false },
]

/** Every field of the condition language, in the order the builder lists them. */
export const FIELD_CATALOG: FieldDescription[] = [
  { field: "email_domain", group: "Customer", label: "E-mail domain", ops: ["in", "not_in"], inputs: [{ name: "values", kind: "strings", required: true }] },
  date("signed_up", "Customer", "Signed up"),
  { field: "has_account", group: "Customer", label: "Has an account", ops: [], inputs: [{ name: "value", kind: "boolean", required: true }] },
  {
    field: "customer_group",
    group: "Customer",
    label: "Customer group",
    ops: ["in_any", "in_all", "in_none"],
    inputs: [{ name: "group_ids", kind: "customer_group_ids", required: true }],
  },
  {
    field: "metadata",
    group: "Customer",
    label: "Metadata",
    ops: METADATA_OPS,
    inputs: [
      { name: "key", kind: "string", required: true },
      { name: "value", kind: "scalar", required: false },
    ],
  },
  {
    field: "consent",
    group: "Customer",
    label: "Consent",
    ops: [],
    inputs: [
      { name: "purpose", kind: "enum", required: true, options: CONSENT_PURPOSES },
      { name: "value", kind: "boolean", required: true },
    ],
  },
  {
    field: "country",
    group: "Location",
    label: "Country",
    ops: ["in", "not_in"],
    inputs: [{ name: "values", kind: "countries", required: true, options: Object.keys(COUNTRY_LISTS) }],
  },
  { field: "region", group: "Location", label: "Region", ops: ["in", "not_in"], inputs: [{ name: "region_ids", kind: "region_ids", required: true }] },
  { field: "city", group: "Location", label: "City", ops: ["in", "not_in"], inputs: [{ name: "values", kind: "strings", required: true }] },
  {
    field: "postal_code",
    group: "Location",
    label: "Postal code",
    ops: ["starts_with", "not_starts_with"],
    inputs: [{ name: "values", kind: "strings", required: true }],
  },
  { field: "order_count", group: "Orders", label: "Number of orders", ops: NUMBER_OPS, inputs: [...numberInputs, windowInput] },
  {
    field: "total_spent",
    group: "Orders",
    label: "Total spent (net of refunds)",
    ops: NUMBER_OPS,
    inputs: [{ name: "currency_code", kind: "currency", required: true }, ...numberInputs, windowInput],
  },
  {
    field: "average_order_value",
    group: "Orders",
    label: "Average order value",
    ops: NUMBER_OPS,
    inputs: [{ name: "currency_code", kind: "currency", required: true }, ...numberInputs],
  },
  date("first_order_at", "Orders", "First order"),
  date("last_order_at", "Orders", "Last order"),
  {
    field: "rfm",
    group: "Orders",
    label: "RFM score (1–5)",
    ops: NUMBER_OPS,
    inputs: [{ name: "dimension", kind: "enum", required: true, options: RFM_DIMENSIONS }, ...numberInputs],
  },
  date("expected_next_order_at", "Orders", "Expected next order"),
  {
    field: "churn_risk",
    group: "Orders",
    label: "Churn risk",
    ops: CHURN_RISK_OPS,
    inputs: [{ name: "level", kind: "enum", required: true, options: CHURN_RISK_LEVELS }],
  },
  { field: "churn_risk_ratio", group: "Orders", label: "Days since last order ÷ expected gap", ops: NUMBER_OPS, inputs: numberInputs },
  {
    field: "purchased",
    group: "Products",
    label: "Bought / did not buy",
    ops: ["bought", "not_bought"],
    inputs: [...productInputs, windowInput, { name: "min_quantity", kind: "integer", required: false }, { name: "min_orders", kind: "integer", required: false }],
  },
  {
    field: "supply_runs_out",
    group: "Products",
    label: "Supply runs out",
    ops: DATE_OPS,
    inputs: [...productInputs, { name: "days_per_unit", kind: "number", required: true }, ...date("supply_runs_out", "Products", "").inputs],
  },
  {
    field: "viewed_product",
    group: "Products",
    label: "Viewed / did not view (browsing)",
    ops: ["viewed", "not_viewed"],
    inputs: [
      { name: "event", kind: "enum", required: false, options: BROWSING_EVENTS },
      ...productInputs.filter((i) => i.name !== "variant_ids" && i.name !== "skus"),
      { name: "window", kind: "window", required: true },
      { name: "min_count", kind: "integer", required: false },
      { name: "not_bought", kind: "boolean", required: false },
    ],
  },
  { field: "points_balance", group: "Loyalty", label: "Points balance", ops: NUMBER_OPS, inputs: numberInputs },
  { field: "tier", group: "Loyalty", label: "Tier", ops: ["in", "not_in"], inputs: [{ name: "tier_ids", kind: "tier_ids", required: true }] },
  {
    field: "upgrade_available",
    group: "Products",
    label: "Upgrade available (owns the predecessor, not the successor)",
    ops: [],
    inputs: [{ name: "upgrade_path_ids", kind: "upgrade_path_ids", required: false }],
  },
  {
    field: "propensity",
    group: "Segments",
    label: "Likely to buy (propensity model)",
    ops: [],
    inputs: [
      { name: "model_id", kind: "propensity_model_id", required: true },
      { name: "top_k", kind: "integer", required: false },
      { name: "min_score", kind: "number", required: false },
    ],
  },
  {
    field: "segment",
    group: "Segments",
    label: "Member of segment",
    ops: ["member", "not_member"],
    inputs: [{ name: "segment_id", kind: "segment_id", required: true }],
  },
]
