import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export type AdjustPointsStepInput = {
  customer_id: string
  /** Positive credits, negative debits; never 0. */
  points: number
  reason: string
  /** The caller's key; stored as `adjust:<key>` so it can never collide with the ledger's own keys. */
  idempotency_key?: string | null
  actor_id?: string | null
}

export type AdjustPointsStepOutput = {
  transaction_id: string
  idempotency_key: string
  /** False when the key was recorded before (a replay): nothing changed. */
  recorded: boolean
}

type AdjustPointsCompensation = {
  customer_id: string
  points: number
  idempotency_key: string
  reason: string
  actor_id: string | null
}

export const adjustPointsStepId = "adjust-points"

/** Records a manual adjustment (credit or debit, type "adjust"); compensated by the reverse adjustment. */
export const adjustPointsStep = createStep(
  adjustPointsStepId,
  async (input: AdjustPointsStepInput, { container }) => {
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const key = `adjust:${input.idempotency_key ?? generateEntityId(undefined, "ladj")}`
    const actorId = input.actor_id ?? null

    const replayed = await findAdjustment(service, key, input)
    const undo: AdjustPointsCompensation = {
      customer_id: input.customer_id,
      points: input.points,
      idempotency_key: key,
      reason: input.reason,
      actor_id: actorId,
    }
    // Nothing is compensated when an earlier call (or a concurrent one) already recorded the key.
    let compensation: AdjustPointsCompensation | null = null
    let transactionId: string
    if (replayed) {
      transactionId = replayed
    } else if (input.points > 0) {
      const [recorded] = await service.creditPoints({
        customer_id: input.customer_id,
        type: "adjust",
        entries: [{ idempotency_key: key, points: input.points, reason: input.reason, actor_id: actorId }],
      })
      // Empty when a concurrent call with the same key won the account lock.
      transactionId = recorded ?? (await findAdjustment(service, key, input))!
      compensation = recorded ? undo : null
    } else {
      transactionId = await service.debitPoints({
        customer_id: input.customer_id,
        type: "adjust",
        points: -input.points,
        idempotency_key: key,
        reason: input.reason,
        actor_id: actorId,
      })
      compensation = undo
    }

    const output: AdjustPointsStepOutput = { transaction_id: transactionId, idempotency_key: key, recorded: compensation !== null }
    return new StepResponse(output, compensation)
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const key = `compensate:${compensation.idempotency_key}`
    const reason = `Rolled back: ${compensation.reason}`
    if (compensation.points > 0) {
      // Taken back from the credited lot itself (then other lots, then debt), never refused.
      const [credit] = await service.listPointsTransactions({ idempotency_key: compensation.idempotency_key }, { select: ["id"] })
      const lots = credit ? await service.listPointsLots({ transaction_id: credit.id }) : []
      await service.reverseEarnedPoints({
        source_key: key,
        reversals: lots.map((lot) => ({ lot_id: lot.id, refunded_amount: lot.base_amount ?? 0 })),
        reason,
      })
      return
    }
    // Points go back to the lots they were taken from, with their original expiry.
    await service.restoreDebit({ debit_idempotency_key: compensation.idempotency_key, idempotency_key: key, reason })
  }
)

/**
 * The id of the adjustment already recorded under `key`, or null. A key reused for another customer
 * or another amount is refused rather than silently answered with the first adjustment.
 */
async function findAdjustment(
  service: LoyaltyPointsModuleService,
  key: string,
  input: AdjustPointsStepInput
): Promise<string | null> {
  const [existing] = await service.listPointsTransactions(
    { idempotency_key: key },
    { select: ["id", "customer_id", "type", "points"] }
  )
  if (!existing) {
    return null
  }
  if (existing.customer_id !== input.customer_id || existing.type !== "adjust" || existing.points !== input.points) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `idempotency_key: "${input.idempotency_key}" was already used for a different adjustment`
    )
  }
  return existing.id
}
