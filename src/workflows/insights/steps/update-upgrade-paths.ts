import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"
import { assertUpgradePaths, type UpgradePathInput } from "./upgrade-path-checks"

export type UpdateUpgradePathInput = Partial<Omit<UpgradePathInput, "id">> & { id: string }

const FIELDS = ["product_id", "variant_id", "successor_product_id", "successor_variant_id", "edition", "is_active"] as const

/**
 * Checks (as they will be stored) and updates upgrade paths (unknown ids: NOT_FOUND); the
 * compensation restores the fields it changed.
 */
export const updateUpgradePathsStep = createStep(
  "update-upgrade-paths",
  async (data: UpdateUpgradePathInput[], { container }) => {
    const service = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
    const before = data.length ? await service.listUpgradePaths({ id: data.map((d) => d.id) }) : []
    const merged = data.map((update) => {
      const current = before.find((p) => p.id === update.id)
      if (!current) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Upgrade path with id "${update.id}" not found`)
      }
      return { ...current, ...update }
    })
    await assertUpgradePaths(container, merged)
    const snapshot = data.map((update) => {
      const current = before.find((p) => p.id === update.id)!
      const restored: Record<string, unknown> = { id: update.id }
      for (const field of FIELDS) {
        if (field in update) restored[field] = current[field]
      }
      return restored as UpdateUpgradePathInput
    })
    const updated = await service.updateUpgradePaths(data)
    return new StepResponse(updated, snapshot)
  },
  async (snapshot, { container }) => {
    if (!snapshot?.length) return
    await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).updateUpgradePaths(snapshot)
  }
)
