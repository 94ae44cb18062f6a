import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export type ReferralOutcome = {
  referral_id: string | null
  /** [referrer, referee] when rewarded, else empty. */
  customer_ids: string[]
}

/** A referee's first order rewards both sides (pending for the return window); compensation voids it. */
export const rewardReferralStep = createStep(
  "reward-referral",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id", "created_at"], filters: { id: input.order_id } })
    const order = data[0]
    if (!order?.customer_id) {
      return new StepResponse<ReferralOutcome, string | null>({ referral_id: null, customer_ids: [] }, null)
    }
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const referral = await loyalty.rewardReferral({
      referee_customer_id: order.customer_id,
      order_id: order.id,
      occurred_at: new Date(order.created_at as string),
    })
    return new StepResponse<ReferralOutcome, string | null>(
      {
        referral_id: referral?.id ?? null,
        customer_ids: referral ? [referral.referrer_customer_id, referral.referee_customer_id] : [],
      },
      referral ? order.id : null
    )
  },
  async (orderId, { container }) => {
    if (!orderId) {
      return
    }
    await container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).voidReferral({ order_id: orderId })
  }
)
