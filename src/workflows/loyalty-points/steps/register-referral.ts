import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

/** Records who referred the customer (before their first order only); compensation deletes it. */
export const registerReferralStep = createStep(
  "register-referral",
  async (input: { customer_id: string; code: string }, { container }) => {
    const [, orders] = await container.resolve(Modules.ORDER).listAndCountOrders({ customer_id: input.customer_id }, { take: 1, select: ["id"] })
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const id = await loyalty.registerReferral({ referee_customer_id: input.customer_id, code: input.code, has_orders: orders > 0 })
    return new StepResponse({ referral_id: id }, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).deleteReferrals(id)
  }
)
