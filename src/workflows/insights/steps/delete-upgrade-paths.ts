import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"

/** Soft-deletes upgrade paths; the compensation restores them. */
export const deleteUpgradePathsStep = createStep(
  "delete-upgrade-paths",
  async (ids: string[], { container }) => {
    await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).softDeleteUpgradePaths(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).restoreUpgradePaths(ids)
  }
)
