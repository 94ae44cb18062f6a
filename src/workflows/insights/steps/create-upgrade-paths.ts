import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"
import { assertUpgradePaths, type UpgradePathInput } from "./upgrade-path-checks"

export type CreateUpgradePathInput = Omit<UpgradePathInput, "id">

/** Checks and creates upgrade paths; the compensation deletes what it created. */
export const createUpgradePathsStep = createStep(
  "create-upgrade-paths",
  async (data: CreateUpgradePathInput[], { container }) => {
    await assertUpgradePaths(container, data)
    const created = await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).createUpgradePaths(data)
    return new StepResponse(created, created.map((p) => p.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve<InsightsModuleService>(INSIGHTS_MODULE).deleteUpgradePaths(ids)
  }
)
