import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { computeOrderEarn, type EarnOrder, type OrderEarn } from "../../../modules/loyalty-points/utils/earn-calculation"

export type ComputeOrderEarnInput = { order: EarnOrder; customer_id?: string | null }

/** Applies the earn rule in force and the customer's tier multiplier to an order (read only). */
export const computeOrderEarnStep = createStep(
  "compute-order-earn",
  async (input: ComputeOrderEarnInput, { container }): Promise<StepResponse<OrderEarn>> => {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const rules = await loyalty.listEarnRules({ is_active: true })
    const multiplier = input.customer_id ? await loyalty.tierMultiplier(input.customer_id) : 1
    return new StepResponse(computeOrderEarn(rules, input.order, multiplier))
  }
)
