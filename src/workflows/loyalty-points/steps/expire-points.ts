import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export type ExpirePointsStepInput = { now?: Date | string; batch_size?: number; max_batches?: number }

/**
 * Expires what is left of lots past their expiry, batch after batch of accounts, each batch in its
 * own database transaction (an entry per lot, keyed `expire:<lot>`, so a rerun or a second worker
 * finds nothing left to do). Returns the lots expired and, per batch, the customers affected.
 * Nothing to compensate: each batch is complete or absent.
 */
export const expirePointsStep = createStep("expire-points", async (input: ExpirePointsStepInput, { container }) => {
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const now = input.now ? new Date(input.now) : new Date()
  let lots = 0
  const batches: string[][] = []
  for (let batch = 0; batch < (input.max_batches ?? 100); batch++) {
    const expired = await loyalty.expirePoints({ now, limit: input.batch_size ?? 500 })
    if (!expired.lots) {
      break
    }
    lots += expired.lots
    batches.push(expired.customer_ids)
  }
  return new StepResponse({ lots, batches })
})
