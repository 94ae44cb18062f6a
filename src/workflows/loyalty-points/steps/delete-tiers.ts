import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export const deleteTiersStepId = "delete-loyalty-tiers"

/** Soft-deletes loyalty tiers; compensated by restoring them. */
export const deleteTiersStep = createStep(
  deleteTiersStepId,
  async (ids: string[], { container }) => {
    if (!ids.length) {
      return new StepResponse(void 0, [] as string[])
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.softDeleteLoyaltyTiers(ids)
    return new StepResponse(void 0, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.restoreLoyaltyTiers(ids)
  }
)
