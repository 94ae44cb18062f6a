import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { computeOrderEarn, type EarnOrder, type OrderEarn } from "../../../modules/loyalty-points/utils/earn-calculation"

export type ComputeOrderEarnInput = { order: EarnOrder }

/** Applies the earn rules in force to an order (read only: nothing to compensate). */
export const computeOrderEarnStep = createStep(
  "compute-order-earn",
  async (input: ComputeOrderEarnInput, { container }): Promise<StepResponse<OrderEarn>> => {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const rules = await loyalty.listEarnRules({ is_active: true })
    return new StepResponse(computeOrderEarn(rules, input.order))
  }
)
