import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export const deletePurchaseRewardRulesStepId = "delete-purchase-reward-rules"

/** Soft-deletes purchase reward rules (their counters and issued rewards stay); compensated by restoring them. */
export const deletePurchaseRewardRulesStep = createStep(
  deletePurchaseRewardRulesStepId,
  async (ids: string[], { container }) => {
    if (!ids.length) {
      return new StepResponse(void 0, [] as string[])
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.softDeletePurchaseRewardRules(ids)
    return new StepResponse(void 0, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.restorePurchaseRewardRules(ids)
  }
)
