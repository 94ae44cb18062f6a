import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { assertTiers, type CreateTierInput } from "./create-tiers"

export type UpdateTierInput = Partial<CreateTierInput> & { id: string }

type UpdateTiersCompensation = {
  dataBeforeUpdate: Record<string, unknown>[]
}

export const updateTiersStepId = "update-loyalty-tiers"

const CHECKED_FIELDS = ["rank", "basis", "currency_code", "customer_group_id", "is_active"] as const

/**
 * Updates loyalty tiers, checked against their stored values; snapshots only the fields it
 * changes and restores them in the compensation.
 */
export const updateTiersStep = createStep(
  updateTiersStepId,
  async (data: UpdateTierInput[], { container }) => {
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const fields = [...new Set(data.flatMap((d) => Object.keys(d)))].filter((f) => f !== "id")
    const previous = await service.listLoyaltyTiers(
      { id: data.map((d) => d.id) },
      { select: [...new Set(["id", ...CHECKED_FIELDS, ...fields])] }
    )
    const merged = data.map((update) => {
      const before = previous.find((p) => p.id === update.id)
      if (!before) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty tier with id "${update.id}" not found`)
      }
      const pick = <K extends (typeof CHECKED_FIELDS)[number]>(key: K) =>
        (key in update ? update[key] : before[key]) as (typeof before)[K]
      return {
        id: update.id,
        rank: pick("rank"),
        basis: pick("basis"),
        currency_code: pick("currency_code") ?? null,
        customer_group_id: pick("customer_group_id") ?? null,
        is_active: pick("is_active"),
      }
    })
    await assertTiers(container, merged)
    const dataBeforeUpdate = previous.map((tier) =>
      Object.fromEntries(["id", ...fields].map((f) => [f, tier[f as keyof typeof tier]]))
    )
    const updated = data.length ? await service.updateLoyaltyTiers(data) : []
    const compensation: UpdateTiersCompensation = { dataBeforeUpdate }
    return new StepResponse(updated, compensation)
  },
  async (compensation, { container }) => {
    if (!compensation?.dataBeforeUpdate.length) {
      return
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.updateLoyaltyTiers(compensation.dataBeforeUpdate as UpdateTierInput[])
  }
)
