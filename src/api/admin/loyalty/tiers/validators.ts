import { z } from "@medusajs/framework/zod"
import { createPaginationParams, oneOf } from "../../../utils/validators"

export const TIER_BASES = ["points", "spend"] as const

const tierFields = {
  name: z.string().trim().min(1, { message: "name must not be empty" }).max(200),
  rank: z.number().int({ message: "rank must be an integer" }).min(1, { message: "rank must be at least 1" }).max(1_000_000),
  basis: oneOf(TIER_BASES, "basis"),
  threshold: z.number().min(0, { message: "threshold must not be negative" }).max(1e15),
  currency_code: z
    .string()
    .regex(/^[a-z]{3}$/, { message: "currency_code must be 3 lowercase letters (ISO 4217), e.g. eur" })
    .nullish(),
  earn_multiplier: z.number().positive({ message: "earn_multiplier must be greater than 0" }).max(1000),
  customer_group_id: z.string().trim().min(1, { message: "customer_group_id must not be empty" }).nullish(),
  is_active: z.boolean(),
}

export const AdminCreateTier = z
  .object({
    ...tierFields,
    basis: tierFields.basis.optional(),
    earn_multiplier: tierFields.earn_multiplier.optional(),
    is_active: tierFields.is_active.optional(),
  })
  .strict()
export type AdminCreateTierType = z.infer<typeof AdminCreateTier>

export const AdminUpdateTier = z.object(tierFields).partial().strict()
export type AdminUpdateTierType = z.infer<typeof AdminUpdateTier>

export const AdminTiersParams = createPaginationParams().extend({
  is_active: z
    .preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean())
    .optional(),
})
export type AdminTiersParamsType = z.infer<typeof AdminTiersParams>

export const AdminTierParams = z.object({})
export type AdminTierParamsType = z.infer<typeof AdminTierParams>
