import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import {
  assertPurchaseRewardRuleShape,
  assertPurchaseRewardRuleTargets,
  type CreatePurchaseRewardRuleInput,
} from "./create-purchase-reward-rules"

export type UpdatePurchaseRewardRuleInput = Partial<CreatePurchaseRewardRuleInput> & { id: string }

type UpdatePurchaseRewardRulesCompensation = {
  dataBeforeUpdate: Record<string, unknown>[]
}

/** The stored fields a rule's validity depends on. */
const SHAPE_FIELDS = [
  "product_id",
  "variant_id",
  "every_quantity",
  "reward_type",
  "bonus_points",
  "gift_variant_id",
  "gift_quantity",
] as const

export const updatePurchaseRewardRulesStepId = "update-purchase-reward-rules"

/**
 * Updates purchase reward rules; the rule as it will be stored is checked whole, the product ids
 * only where they change. Snapshots the fields it changes and restores them in the compensation.
 */
export const updatePurchaseRewardRulesStep = createStep(
  updatePurchaseRewardRulesStepId,
  async (data: UpdatePurchaseRewardRuleInput[], { container }) => {
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const fields = [...new Set(data.flatMap((d) => Object.keys(d)))].filter((f) => f !== "id")
    const previous = data.length
      ? await service.listPurchaseRewardRules(
          { id: data.map((d) => d.id) },
          { select: [...new Set(["id", ...SHAPE_FIELDS, ...fields])] }
        )
      : []
    for (const update of data) {
      const before = previous.find((p) => p.id === update.id)
      if (!before) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase reward rule with id "${update.id}" not found`)
      }
      const merged = Object.fromEntries(
        SHAPE_FIELDS.map((f) => [f, f in update ? update[f] : before[f]])
      ) as Partial<CreatePurchaseRewardRuleInput>
      assertPurchaseRewardRuleShape(merged)
    }
    await assertPurchaseRewardRuleTargets(
      container,
      data.map((d) => ({ product_id: d.product_id, variant_id: d.variant_id, gift_variant_id: d.gift_variant_id }))
    )
    const dataBeforeUpdate = previous.map((rule) =>
      Object.fromEntries(["id", ...fields].map((f) => [f, rule[f as keyof typeof rule]]))
    )
    const updated = data.length ? await service.updatePurchaseRewardRules(data) : []
    const compensation: UpdatePurchaseRewardRulesCompensation = { dataBeforeUpdate }
    return new StepResponse(updated, compensation)
  },
  async (compensation, { container }) => {
    if (!compensation?.dataBeforeUpdate.length) {
      return
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.updatePurchaseRewardRules(compensation.dataBeforeUpdate as UpdatePurchaseRewardRuleInput[])
  }
)
