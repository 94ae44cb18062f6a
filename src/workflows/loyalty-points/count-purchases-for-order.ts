import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../modules/loyalty-points/events"
import { emitPointsBalanceChanged } from "./emit-points-balance-changed"
import { countOrderPurchasesStep, type CountOrderPurchasesInput } from "./steps/count-order-purchases"
import { issuePurchaseRewardsStep } from "./steps/issue-purchase-rewards"

export const countPurchasesForOrderWorkflowId = "count-purchases-for-order"

/**
 * Buy N, get one: counts an order's units of rule products (or uncounts a return or cancellation)
 * and issues the rewards that became due: gift shipment to the order's address, promotion code or
 * bonus points (`loyalty.points_balance_changed`).
 */
export const countPurchasesForOrderWorkflow = createWorkflow(countPurchasesForOrderWorkflowId, (input: CountOrderPurchasesInput) => {
  const counted = countOrderPurchasesStep(input)
  const delivered = issuePurchaseRewardsStep({ rewards: counted.rewards })
  when({ counted }, ({ counted }) => counted.rewards.length > 0).then(() => {
    emitEventStep({
      eventName: LoyaltyPointsEvents.PURCHASE_REWARD_ISSUED,
      data: transform({ counted }, ({ counted }) =>
        counted.rewards.map((r) => ({ id: r.id, customer_id: r.customer_id, rule_id: r.rule_id, reward_type: r.reward_type }))
      ),
    })
  })
  emitPointsBalanceChanged(transform({ delivered }, ({ delivered }) => [delivered.credited_customer_ids]))
  return new WorkflowResponse({ rewards: counted.rewards, delivered })
})
