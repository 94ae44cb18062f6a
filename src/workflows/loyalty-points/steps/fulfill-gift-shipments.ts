import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type { GiftShipmentBefore } from "../../../modules/loyalty-points/service"
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

type GiftShipmentSnapshot = GiftShipmentBefore

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
    // Conditional on status "pending" in the database: a shipment another admin fulfilled
    // meanwhile is reported as already fulfilled, not stamped a second time.
    const snapshots = await service.fulfillGiftShipments({ ids: pending, actor_id: input.actor_id, note: input.note })
    const changed = new Set(snapshots.map((row) => row.id))
    for (const id of ids) {
      if (changed.has(id)) {
        result.fulfilled.push(id)
      } else if (byId.get(id)!.status === "cancelled") {
        result.cancelled.push(id)
      } else {
        result.already_fulfilled.push(id)
      }
    }
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
