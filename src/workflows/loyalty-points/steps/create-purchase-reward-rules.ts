import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createEntitiesStep } from "./entity-steps"

export const PURCHASE_REWARD_TYPES = ["gift_shipment", "promotion_code", "bonus_points"] as const
export type PurchaseRewardType = (typeof PURCHASE_REWARD_TYPES)[number]

export type CreatePurchaseRewardRuleInput = {
  name: string
  product_id?: string | null
  variant_id?: string | null
  every_quantity: number
  reward_type: PurchaseRewardType
  bonus_points?: number | null
  gift_variant_id?: string | null
  gift_quantity?: number
  is_active?: boolean
}

type RuleShape = Partial<CreatePurchaseRewardRuleInput>

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Refuses a rule that cannot work: it counts exactly one product or one variant, every N ≥ 1 units,
 * and carries bonus points exactly when it rewards bonus points.
 */
export function assertPurchaseRewardRuleShape(rule: RuleShape) {
  if (!rule.product_id === !rule.variant_id) {
    throw invalid("Give exactly one of product_id or variant_id: a rule counts one product or one variant")
  }
  if (!Number.isInteger(rule.every_quantity) || rule.every_quantity! < 1) {
    throw invalid(`every_quantity must be a whole number of at least 1; got ${rule.every_quantity}`)
  }
  if (!PURCHASE_REWARD_TYPES.includes(rule.reward_type as PurchaseRewardType)) {
    throw invalid(`reward_type must be one of: ${PURCHASE_REWARD_TYPES.join(", ")}`)
  }
  if (rule.reward_type === "bonus_points") {
    if (!Number.isInteger(rule.bonus_points) || rule.bonus_points! < 1) {
      throw invalid("bonus_points must be a whole number above 0 when reward_type is bonus_points")
    }
  } else if (rule.bonus_points !== null && rule.bonus_points !== undefined) {
    throw invalid("bonus_points is only allowed when reward_type is bonus_points")
  }
  if (rule.gift_quantity !== undefined && (!Number.isInteger(rule.gift_quantity) || rule.gift_quantity < 1)) {
    throw invalid(`gift_quantity must be a whole number of at least 1; got ${rule.gift_quantity}`)
  }
}

/** Refuses product and variant ids (product_id, variant_id, gift_variant_id) the Product module does not know. */
export async function assertPurchaseRewardRuleTargets(container: MedusaContainer, rules: RuleShape[]) {
  const productIds = [...new Set(rules.map((r) => r.product_id).filter((id): id is string => !!id))]
  const variantIds = [
    ...new Set(rules.flatMap((r) => [r.variant_id, r.gift_variant_id]).filter((id): id is string => !!id)),
  ]
  if (!productIds.length && !variantIds.length) {
    return
  }
  const products = container.resolve(Modules.PRODUCT)
  const [foundProducts, foundVariants] = await Promise.all([
    productIds.length ? products.listProducts({ id: productIds }, { select: ["id"] }) : [],
    variantIds.length ? products.listProductVariants({ id: variantIds }, { select: ["id"] }) : [],
  ])
  const knownProducts = new Set(foundProducts.map((p) => p.id))
  const knownVariants = new Set(foundVariants.map((v) => v.id))
  for (const rule of rules) {
    if (rule.product_id && !knownProducts.has(rule.product_id)) {
      throw invalid(`product_id "${rule.product_id}" is not a product of this store`)
    }
    if (rule.variant_id && !knownVariants.has(rule.variant_id)) {
      throw invalid(`variant_id "${rule.variant_id}" is not a product variant of this store`)
    }
    if (rule.gift_variant_id && !knownVariants.has(rule.gift_variant_id)) {
      throw invalid(`gift_variant_id "${rule.gift_variant_id}" is not a product variant of this store`)
    }
  }
}

export const createPurchaseRewardRulesStepId = "create-purchase-reward-rules"

/** Creates "buy N, get one" rules after checking their products; compensated by deleting them. */
export const createPurchaseRewardRulesStep = createEntitiesStep(createPurchaseRewardRulesStepId, {
  assert: async (data: CreatePurchaseRewardRuleInput[], container) => {
    data.forEach(assertPurchaseRewardRuleShape)
    await assertPurchaseRewardRuleTargets(container, data)
  },
  create: (service, data) => service.createPurchaseRewardRules(data),
  remove: (service, ids) => service.deletePurchaseRewardRules(ids),
})
