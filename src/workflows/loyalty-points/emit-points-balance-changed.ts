import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../modules/loyalty-points/events"

/**
 * For use inside a workflow: emits `loyalty.points_balance_changed` once per non-empty list of
 * customer ids (an expiry run's batches, a backfill's chunks), nothing when every list is empty.
 */
export function emitPointsBalanceChanged(batches: WorkflowData<string[][]>) {
  const events = transform({ batches }, ({ batches }) =>
    batches.filter((customerIds) => customerIds.length).map((customerIds) => ({ customer_ids: customerIds }))
  )
  when({ events }, ({ events }) => events.length > 0).then(() => {
    emitEventStep({ eventName: LoyaltyPointsEvents.POINTS_BALANCE_CHANGED, data: events }).config({
      name: "emit-points-balance-changed",
    })
  })
}
