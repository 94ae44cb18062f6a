import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export type FulfillGiftShipmentsStepInput = {
  ids: string[]
  /** The admin user who packed the gifts. */
  actor_id: string
  note?: string | null
}

export type FulfillGiftShipmentsResult = {
  /** Pending shipments this run marked fulfilled. */
  fulfilled: string[]
  /** Shipments fulfilled before this run; left unchanged. */
  already_fulfilled: string[]
  /** Cancelled shipments; left unchanged. */
  cancelled: string[]
}

type GiftShipmentSnapshot = {
  id: string
  status: "pending" | "fulfilled" | "cancelled"
  fulfilled_at: Date | null
  fulfilled_by: string | null
  note: string | null
}

export const fulfillGiftShipmentsStepId = "fulfill-gift-shipments"

/**
 * Marks pending gift shipments fulfilled (when, by whom, with an optional note) and reports the
 * others; unknown ids fail with NOT_FOUND before anything changes. The compensation puts back the
 * status, fulfilled_at, fulfilled_by and note of the shipments it changed.
 */
export const fulfillGiftShipmentsStep = createStep(
  fulfillGiftShipmentsStepId,
  async (input: FulfillGiftShipmentsStepInput, { container }) => {
    const ids = [...new Set(input.ids)]
    const result: FulfillGiftShipmentsResult = { fulfilled: [], already_fulfilled: [], cancelled: [] }
    if (!ids.length) {
      return new StepResponse(result, [] as GiftShipmentSnapshot[])
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const rows = (await service.listPurchaseRewards(
      { id: ids, reward_type: "gift_shipment" },
      { select: ["id", "status", "fulfilled_at", "fulfilled_by", "note"] }
    )) as GiftShipmentSnapshot[]
    const byId = new Map(rows.map((row) => [row.id, row]))
    const missing = ids.filter((id) => !byId.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Gift shipments not found: ${missing.join(", ")}`)
    }
    const pending = ids.filter((id) => byId.get(id)!.status === "pending")
    // The selector repeats status "pending" so a shipment fulfilled meanwhile by another admin is not
    // stamped a second time.
    const updated = pending.length
      ? await service.updatePurchaseRewards({
          selector: { id: pending, status: "pending" },
          data: {
            status: "fulfilled",
            fulfilled_at: new Date(),
            fulfilled_by: input.actor_id,
            ...(input.note === undefined ? {} : { note: input.note }),
          },
        })
      : []
    const changed = new Set(updated.map((row) => row.id))
    for (const id of ids) {
      if (changed.has(id)) {
        result.fulfilled.push(id)
      } else if (byId.get(id)!.status === "cancelled") {
        result.cancelled.push(id)
      } else {
        result.already_fulfilled.push(id)
      }
    }
    const snapshots = rows
      .filter((row) => changed.has(row.id))
      .map(({ id, status, fulfilled_at, fulfilled_by, note }) => ({ id, status, fulfilled_at, fulfilled_by, note }))
    return new StepResponse(result, snapshots)
  },
  async (snapshots, { container }) => {
    if (!snapshots?.length) {
      return
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.updatePurchaseRewards(snapshots)
  }
)
