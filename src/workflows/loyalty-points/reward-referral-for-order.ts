import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../modules/loyalty-points/events"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { rewardReferralStep } from "./steps/reward-referral"

export const rewardReferralForOrderWorkflowId = "reward-referral-for-order"

/**
 * order.placed: if the customer was referred, their first order rewards both sides
 * (`loyalty.points_balance_changed`) and converts the referral (`loyalty.referral_converted`).
 */
export const rewardReferralForOrderWorkflow = createWorkflow(rewardReferralForOrderWorkflowId, (input: { order_id: string }) => {
  const rewarded = rewardReferralStep(input)
  emitPointsBalanceChanged(transform({ rewarded }, ({ rewarded }) => [rewarded.customer_ids]))
  when({ rewarded }, ({ rewarded }) => !!rewarded.referral_id).then(() => {
    emitEventStep({
      eventName: LoyaltyPointsEvents.REFERRAL_CONVERTED,
      data: transform({ rewarded, input }, ({ rewarded, input }) => ({
        referral_id: rewarded.referral_id,
        referrer_customer_id: rewarded.customer_ids[0],
        referee_customer_id: rewarded.customer_ids[1],
        order_id: input.order_id,
      })),
    }).config({ name: "emit-referral-converted" })
  })
  return new WorkflowResponse(rewarded)
})
