import { z } from "@medusajs/framework/zod"
import { CO_PURCHASE_SCOPES } from "../../../modules/insights/models/co-purchase-pair"
import { oneOf } from "../../utils/validators"

const id = (field: string) => z.string({ error: `${field} must be a string` }).trim().min(1, { message: `${field} must not be empty` })
const booleanParam = (field: string) =>
  z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean({ error: `${field} must be true or false` }))
const intParam = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${field} must be a whole number` })
    .int({ message: `${field} must be a whole number` })
    .min(min, { message: `${field} must be at least ${min}` })
    .max(max, { message: `${field} must be at most ${max}` })

/** "Promote together with X": the product (or the SKU of an external product), the scope, paging. */
export const AdminCoPurchasesParams = z
  .object({
    product_id: id("product_id").optional(),
    sku: id("sku").optional(),
    scope: oneOf(CO_PURCHASE_SCOPES, "scope").default("order"),
    min_lift: z.coerce.number({ error: "min_lift must be a number" }).min(0, { message: "min_lift must be at least 0" }).optional(),
    limit: intParam("limit", 1, 100).default(20),
    offset: intParam("offset", 0, 1_000_000).default(0),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.product_id === !v.sku) {
      ctx.addIssue({ code: "custom", path: ["product_id"], message: "product_id: give a product_id or a sku (one of them)" })
    }
  })
export type AdminCoPurchasesParamsType = z.infer<typeof AdminCoPurchasesParams>

export const AdminComputeCoPurchases = z
  .object({
    scope: oneOf(CO_PURCHASE_SCOPES, "scope").optional(),
    force: z.boolean({ error: "force must be true or false" }).optional(),
  })
  .strict()
export type AdminComputeCoPurchasesType = z.infer<typeof AdminComputeCoPurchases>

export { booleanParam, id, intParam }

const nullableId = (field: string) => id(field).nullable()

const upgradePathFields = {
  product_id: id("product_id"),
  variant_id: nullableId("variant_id"),
  successor_product_id: id("successor_product_id"),
  successor_variant_id: nullableId("successor_variant_id"),
  edition: z.string({ error: "edition must be a string" }).trim().max(100, { message: "edition: at most 100 characters" }).nullable(),
  is_active: z.boolean({ error: "is_active must be true or false" }),
}

export const AdminCreateUpgradePath = z
  .object(upgradePathFields)
  .partial()
  .strict()
  .superRefine((v, ctx) => {
    for (const field of ["product_id", "successor_product_id"] as const) {
      if (v[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `${field} is required` })
    }
  })
export type AdminCreateUpgradePathType = z.infer<typeof AdminCreateUpgradePath>

export const AdminUpdateUpgradePath = z.object(upgradePathFields).partial().strict()
export type AdminUpdateUpgradePathType = z.infer<typeof AdminUpdateUpgradePath>

export const AdminUpgradePathsParams = z
  .object({
    product_id: id("product_id").optional(),
    is_active: booleanParam("is_active").optional(),
    limit: intParam("limit", 1, 100).default(20),
    offset: intParam("offset", 0, 1_000_000).default(0),
  })
  .strict()
export type AdminUpgradePathsParamsType = z.infer<typeof AdminUpgradePathsParams>

export const AdminUpgradeOwnersParams = z
  .object({
    limit: intParam("limit", 1, 500).default(100),
    after: z.string({ error: "after must be a customer id" }).optional(),
  })
  .strict()
export type AdminUpgradeOwnersParamsType = z.infer<typeof AdminUpgradeOwnersParams>

const idArray = (field: string) =>
  z
    .array(id(`${field} items`), { error: `${field} must be a list of ids` })
    .min(1, { message: `${field} must name at least one id` })
    .max(500, { message: `${field}: at most 500 ids` })

/** What a propensity model predicts: products, categories' products, or a customer metadata flag. */
const PropensityTargetSchema = z
  .object({
    product_ids: idArray("target.product_ids").optional(),
    category_ids: idArray("target.category_ids").optional(),
    metadata_key: z
      .string({ error: "target.metadata_key must be a string" })
      .regex(/^[A-Za-z0-9_.-]{1,100}$/, { message: "target.metadata_key must be a metadata key (letters, digits, _ . -)" })
      .optional(),
    metadata_value: z.union([z.string().max(500), z.number(), z.boolean()], { error: "target.metadata_value must be a string, number or true/false" }).optional(),
  }, { error: "target must be an object" })
  .strict()
  .superRefine((t, ctx) => {
    const products = !!(t.product_ids || t.category_ids)
    const metadata = t.metadata_key !== undefined
    if (products === metadata) {
      ctx.addIssue({ code: "custom", path: ["product_ids"], message: "target: give product_ids and/or category_ids, or a metadata_key (not both)" })
    }
    if (t.metadata_value !== undefined && !metadata) {
      ctx.addIssue({ code: "custom", path: ["metadata_key"], message: "target.metadata_key is required with metadata_value" })
    }
  })
  .transform((t) => ({
    product_ids: t.product_ids,
    category_ids: t.category_ids,
    metadata_key: t.metadata_key,
    metadata_value: t.metadata_key !== undefined ? String(t.metadata_value ?? true) : undefined,
  }))

export const AdminCreatePropensityModel = z
  .object({
    name: z.string({ error: "name is required" }).trim().min(1, { message: "name must not be empty" }).max(200, { message: "name: at most 200 characters" }),
    target: PropensityTargetSchema,
    horizon_days: z
      .number({ error: "horizon_days must be a whole number of days" })
      .int({ message: "horizon_days must be a whole number of days" })
      .min(7, { message: "horizon_days must be between 7 and 365" })
      .max(365, { message: "horizon_days must be between 7 and 365" })
      .default(30),
  })
  .strict()
export type AdminCreatePropensityModelType = z.infer<typeof AdminCreatePropensityModel>

export const AdminPropensityCustomersParams = z
  .object({ limit: intParam("limit", 1, 500).default(50), offset: intParam("offset", 0, 10_000_000).default(0) })
  .strict()
export type AdminPropensityCustomersParamsType = z.infer<typeof AdminPropensityCustomersParams>

export const AdminCreatePropensitySegment = z
  .object({
    name: z.string({ error: "name must be a string" }).trim().min(1, { message: "name must not be empty" }).max(200).optional(),
    top_k: z.number({ error: "top_k must be a whole number" }).int({ message: "top_k must be a whole number" }).min(1, { message: "top_k must be at least 1" }).optional(),
    min_score: z.number({ error: "min_score must be a number" }).min(0, { message: "min_score must be between 0 and 1" }).max(1, { message: "min_score must be between 0 and 1" }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.top_k === undefined && v.min_score === undefined) {
      ctx.addIssue({ code: "custom", path: ["top_k"], message: "top_k: give top_k or min_score (or both)" })
    }
  })
export type AdminCreatePropensitySegmentType = z.infer<typeof AdminCreatePropensitySegment>
