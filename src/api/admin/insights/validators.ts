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
