import type { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { ActionOutcome, ActionTarget } from "./types"

/**
 * Adds points (a credit) or takes them (a debit, refused beyond the available balance) under the
 * step's key, which the points ledger records once.
 */
export async function adjustJourneyPoints(container: MedusaContainer, target: ActionTarget, step: { points: number; reason?: string }): Promise<ActionOutcome> {
  const points = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  try {
    if (step.points > 0) {
      await points.creditPoints({ customer_id: target.customer_id, type: "adjust", occurred_at: target.now, entries: [{ idempotency_key: target.key, points: step.points }] })
    } else {
      await points.debitPoints({
        customer_id: target.customer_id,
        type: "adjust",
        points: -step.points,
        idempotency_key: target.key,
        occurred_at: target.now,
        reason: step.reason ?? `automation ${target.automation_name}`,
      })
    }
    return { outcome: "done", detail: { points: step.points } }
  } catch (e) {
    return { outcome: "failed", reason: (e as Error).message.slice(0, 500) }
  }
}
