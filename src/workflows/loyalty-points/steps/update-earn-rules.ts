import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { assertEarnRuleWindow, type CreateEarnRuleInput } from "./create-earn-rules"

export type UpdateEarnRuleInput = Partial<CreateEarnRuleInput> & { id: string }

type UpdateEarnRulesCompensation = {
  dataBeforeUpdate: Record<string, unknown>[]
}

export const updateEarnRulesStepId = "update-earn-rules"

/**
 * Updates earn rules; snapshots only the fields it changes and restores them in the compensation.
 * The active window is checked against the stored dates when only one of them changes.
 */
export const updateEarnRulesStep = createStep(
  updateEarnRulesStepId,
  async (data: UpdateEarnRuleInput[], { container }) => {
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const fields = [...new Set(data.flatMap((d) => Object.keys(d)))].filter((f) => f !== "id")
    const previous = await service.listEarnRules(
      { id: data.map((d) => d.id) },
      { select: [...new Set(["id", "starts_at", "ends_at", ...fields])] }
    )
    for (const update of data) {
      const before = previous.find((p) => p.id === update.id)
      if (!before) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Earn rule with id "${update.id}" not found`)
      }
      assertEarnRuleWindow({
        starts_at: "starts_at" in update ? update.starts_at : before.starts_at,
        ends_at: "ends_at" in update ? update.ends_at : before.ends_at,
      })
    }
    const dataBeforeUpdate = previous.map((rule) =>
      Object.fromEntries(["id", ...fields].map((f) => [f, rule[f as keyof typeof rule]]))
    )
    const updated = data.length ? await service.updateEarnRules(data) : []
    const compensation: UpdateEarnRulesCompensation = { dataBeforeUpdate }
    return new StepResponse(updated, compensation)
  },
  async (compensation, { container }) => {
    if (!compensation?.dataBeforeUpdate.length) {
      return
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.updateEarnRules(compensation.dataBeforeUpdate as UpdateEarnRuleInput[])
  }
)
