import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { IssuedPurchaseReward } from "../../../modules/loyalty-points/types"

type Issued = { reward_id: string; customer_id: string; promotion_id?: string; points_transaction_id?: string }

/**
 * Delivers what rewards can deliver at once: bonus points (a `reward` ledger entry keyed by the
 * reward) and single-use promotion codes for a free unit, restricted to the customer. Gift
 * shipments stay pending in the admin fulfilment queue. Compensation takes the points back and
 * deletes the promotions this run created.
 */
export const issuePurchaseRewardsStep = createStep(
  "issue-purchase-rewards",
  async (input: { rewards: IssuedPurchaseReward[] }, { container }) => {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const issued: Issued[] = []
    for (const reward of input.rewards) {
      const rule = await loyalty.retrievePurchaseRewardRule(reward.rule_id)
      if (reward.reward_type === "bonus_points" && rule.bonus_points) {
        const [txId] = await loyalty.creditPoints({
          customer_id: reward.customer_id,
          type: "reward",
          entries: [{ idempotency_key: `reward:${reward.id}`, points: rule.bonus_points, reason: rule.name, available_at: new Date() }],
        })
        await loyalty.updatePurchaseRewards({ id: reward.id, status: "fulfilled", points_transaction_id: txId ?? null, fulfilled_at: new Date() })
        issued.push({ reward_id: reward.id, customer_id: reward.customer_id, points_transaction_id: txId })
      } else if (reward.reward_type === "promotion_code") {
        const promotion = await createFreeUnitPromotion(container, reward, rule)
        await loyalty.updatePurchaseRewards({
          id: reward.id,
          status: "fulfilled",
          promotion_id: promotion.id,
          promotion_code: promotion.code,
          fulfilled_at: new Date(),
        })
        issued.push({ reward_id: reward.id, customer_id: reward.customer_id, promotion_id: promotion.id })
      }
    }
    // Bonus points change balances; the customers are announced by the workflow.
    const credited = [...new Set(issued.filter((i) => i.points_transaction_id).map((i) => i.customer_id))]
    return new StepResponse({ issued, credited_customer_ids: credited }, issued)
  },
  async (issued, { container }) => {
    if (!issued?.length) {
      return
    }
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const promotions = issued.map((i) => i.promotion_id).filter((id): id is string => !!id)
    if (promotions.length) {
      await container.resolve(Modules.PROMOTION).softDeletePromotions(promotions)
    }
    for (const i of issued.filter((i) => i.points_transaction_id)) {
      const lots = await loyalty.listPointsLots({ transaction_id: i.points_transaction_id })
      await loyalty.reverseEarnedPoints({
        source_key: `compensate:reward:${i.reward_id}`,
        reversals: lots.map((l) => ({ lot_id: l.id, refunded_amount: 0 })),
        reason: "reward rolled back",
      })
    }
  }
)

async function createFreeUnitPromotion(
  container: MedusaContainer,
  reward: IssuedPurchaseReward,
  rule: { name: string; product_id: string | null; variant_id: string | null; gift_quantity: number }
) {
  const promotionModule = container.resolve(Modules.PROMOTION)
  const code = `FREE-${reward.id.slice(-10).toUpperCase()}`
  const [existing] = await promotionModule.listPromotions({ code })
  if (existing) {
    return existing
  }
  const productId = rule.product_id ?? (await productOfVariant(container, rule.variant_id!))
  const [promotion] = await promotionModule.createPromotions([
    {
      code,
      type: "standard",
      status: "active",
      is_automatic: false,
      limit: 1,
      application_method: {
        type: "percentage",
        target_type: "items",
        allocation: "each",
        value: 100,
        max_quantity: rule.gift_quantity,
        target_rules: [{ attribute: "items.product.id", operator: "in", values: [productId] }],
      },
      rules: [{ attribute: "customer.id", operator: "in", values: [reward.customer_id] }],
    },
  ])
  return promotion
}

async function productOfVariant(container: MedusaContainer, variantId: string): Promise<string> {
  const [variant] = await container.resolve(Modules.PRODUCT).listProductVariants({ id: variantId }, { select: ["product_id"] })
  return variant.product_id!
}
