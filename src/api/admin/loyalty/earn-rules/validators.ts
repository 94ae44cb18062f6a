import { z } from "@medusajs/framework/zod"
import { createPaginationParams, oneOf } from "../../../utils/validators"

export const EARN_RULE_MULTIPLIER_TARGETS = ["product", "collection", "category"] as const

const endsAfterStarts = (rule: { starts_at?: Date | null; ends_at?: Date | null }) =>
  !rule.starts_at || !rule.ends_at || rule.ends_at > rule.starts_at
const ENDS_AFTER_STARTS = { message: "ends_at must be after starts_at", path: ["ends_at"] }

const optionalId = (field: string) =>
  z.string().trim().min(1, { message: `${field} must not be empty` }).nullish()

export const EarnRuleMultiplier = z
  .object({
    target: oneOf(EARN_RULE_MULTIPLIER_TARGETS, "multipliers.items.target"),
    id: z.string().trim().min(1, { message: "multipliers.items.id must not be empty" }),
    multiplier: z.number().positive().max(1000),
  })
  .strict()
export type EarnRuleMultiplierType = z.infer<typeof EarnRuleMultiplier>

const earnRuleFields = {
  name: z.string().trim().min(1, { message: "name must not be empty" }).max(200),
  points_per_unit: z.number().positive().max(1_000_000),
  currency_code: z
    .string()
    .regex(/^[a-z]{3}$/, { message: "currency_code must be 3 lowercase letters (ISO 4217), e.g. eur" })
    .nullish(),
  region_id: optionalId("region_id"),
  sales_channel_id: optionalId("sales_channel_id"),
  customer_group_id: optionalId("customer_group_id"),
  multipliers: z.object({ items: z.array(EarnRuleMultiplier).max(500) }).strict(),
  include_shipping: z.boolean(),
  include_tax: z.boolean(),
  starts_at: z.coerce.date().nullish(),
  ends_at: z.coerce.date().nullish(),
  is_active: z.boolean(),
  priority: z.number().int().min(-1_000_000).max(1_000_000),
}

export const AdminCreateEarnRule = z
  .object({
    ...earnRuleFields,
    multipliers: earnRuleFields.multipliers.optional(),
    include_shipping: earnRuleFields.include_shipping.optional(),
    include_tax: earnRuleFields.include_tax.optional(),
    is_active: earnRuleFields.is_active.optional(),
    priority: earnRuleFields.priority.optional(),
  })
  .strict()
  .refine(endsAfterStarts, ENDS_AFTER_STARTS)
export type AdminCreateEarnRuleType = z.infer<typeof AdminCreateEarnRule>

export const AdminUpdateEarnRule = z
  .object(earnRuleFields)
  .partial()
  .strict()
  .refine(endsAfterStarts, ENDS_AFTER_STARTS)
export type AdminUpdateEarnRuleType = z.infer<typeof AdminUpdateEarnRule>

export const AdminEarnRulesParams = createPaginationParams().extend({
  is_active: z
    .preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean())
    .optional(),
})
export type AdminEarnRulesParamsType = z.infer<typeof AdminEarnRulesParams>

export const AdminEarnRuleParams = z.object({})
export type AdminEarnRuleParamsType = z.infer<typeof AdminEarnRuleParams>
