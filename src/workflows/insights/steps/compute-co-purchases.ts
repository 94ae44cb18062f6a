import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"
import type { CoPurchaseRunSummary, CoPurchaseScope } from "../../../modules/insights/types"

export type ComputeCoPurchasesStepInput = { scopes: CoPurchaseScope[]; force?: boolean }

/**
 * Recomputes the co-purchase pairs of each scope in SQL. Derived data rebuilt whole from the
 * facts, each scope in its own transaction: nothing to compensate (a rerun gives the same pairs).
 */
export const computeCoPurchasesStep = createStep("compute-co-purchases", async (input: ComputeCoPurchasesStepInput, { container }) => {
  const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
  const runs: CoPurchaseRunSummary[] = []
  for (const scope of input.scopes) {
    runs.push(await insights.computeCoPurchases({ scope, force: input.force }))
  }
  return new StepResponse(runs)
})
