import { z } from "@medusajs/framework/zod"
import { PURCHASE_REWARD_TYPES } from "../../../../workflows/loyalty-points/steps/create-purchase-reward-rules"
import { createEnumListParam, createPaginationParams, oneOf } from "../../../utils/validators"

const id = (field: string) => z.string().trim().min(1, { message: `${field} must not be empty` })

const purchaseRewardRuleFields = {
  name: z.string().trim().min(1, { message: "name must not be empty" }).max(200),
  product_id: id("product_id").nullish(),
  variant_id: id("variant_id").nullish(),
  every_quantity: z.number().int().min(1).max(10_000),
  reward_type: oneOf(PURCHASE_REWARD_TYPES, "reward_type"),
  bonus_points: z.number().int().min(1).max(100_000_000).nullish(),
  gift_variant_id: id("gift_variant_id").nullish(),
  gift_quantity: z.number().int().min(1).max(1_000),
  is_active: z.boolean(),
}

const ONE_TARGET = "Give exactly one of product_id or variant_id: a rule counts one product or one variant"
const BONUS_REQUIRED = "bonus_points (a whole number above 0) is required when reward_type is bonus_points"
const BONUS_FORBIDDEN = "bonus_points is only allowed when reward_type is bonus_points"

export const AdminCreatePurchaseRewardRule = z
  .object({
    ...purchaseRewardRuleFields,
    gift_quantity: purchaseRewardRuleFields.gift_quantity.optional(),
    is_active: purchaseRewardRuleFields.is_active.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (!rule.product_id === !rule.variant_id) {
      ctx.addIssue({ code: "custom", message: ONE_TARGET, path: ["product_id"] })
    }
    if (rule.reward_type === "bonus_points" && rule.bonus_points == null) {
      ctx.addIssue({ code: "custom", message: BONUS_REQUIRED, path: ["bonus_points"] })
    }
    if (rule.reward_type !== "bonus_points" && rule.bonus_points != null) {
      ctx.addIssue({ code: "custom", message: BONUS_FORBIDDEN, path: ["bonus_points"] })
    }
  })
export type AdminCreatePurchaseRewardRuleType = z.infer<typeof AdminCreatePurchaseRewardRule>

/** Only the fields sent change; the rule as it will be stored is checked again by the workflow. */
export const AdminUpdatePurchaseRewardRule = z
  .object(purchaseRewardRuleFields)
  .partial()
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.product_id && rule.variant_id) {
      ctx.addIssue({ code: "custom", message: ONE_TARGET, path: ["product_id"] })
    }
    if (rule.reward_type === "bonus_points" && rule.bonus_points === null) {
      ctx.addIssue({ code: "custom", message: BONUS_REQUIRED, path: ["bonus_points"] })
    }
    if (rule.reward_type && rule.reward_type !== "bonus_points" && rule.bonus_points != null) {
      ctx.addIssue({ code: "custom", message: BONUS_FORBIDDEN, path: ["bonus_points"] })
    }
  })
export type AdminUpdatePurchaseRewardRuleType = z.infer<typeof AdminUpdatePurchaseRewardRule>

export const AdminPurchaseRewardRulesParams = createPaginationParams().extend({
  product_id: id("product_id").optional(),
  variant_id: id("variant_id").optional(),
  reward_type: createEnumListParam(PURCHASE_REWARD_TYPES, "reward_type").optional(),
  is_active: z
    .preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean())
    .optional(),
})
export type AdminPurchaseRewardRulesParamsType = z.infer<typeof AdminPurchaseRewardRulesParams>

export const AdminPurchaseRewardRuleParams = z.object({})
export type AdminPurchaseRewardRuleParamsType = z.infer<typeof AdminPurchaseRewardRuleParams>
