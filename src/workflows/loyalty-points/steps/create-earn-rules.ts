import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export type EarnRuleMultiplier = {
  target: "product" | "collection" | "category"
  id: string
  multiplier: number
}

export type CreateEarnRuleInput = {
  name: string
  points_per_unit: number
  currency_code?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  customer_group_id?: string | null
  multipliers?: { items: EarnRuleMultiplier[] }
  include_shipping?: boolean
  include_tax?: boolean
  starts_at?: Date | null
  ends_at?: Date | null
  is_active?: boolean
  priority?: number
}

/** Refuses an active window that ends before (or when) it starts. */
export function assertEarnRuleWindow(rule: { starts_at?: Date | string | null; ends_at?: Date | string | null }) {
  if (rule.starts_at && rule.ends_at && new Date(rule.ends_at) <= new Date(rule.starts_at)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "ends_at must be after starts_at")
  }
}

export const createEarnRulesStepId = "create-earn-rules"

/** Creates earn rules; compensated by deleting the rules it created. */
export const createEarnRulesStep = createStep(
  createEarnRulesStepId,
  async (data: CreateEarnRuleInput[], { container }) => {
    data.forEach(assertEarnRuleWindow)
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const created = data.length ? await service.createEarnRules(data) : []
    return new StepResponse(
      created,
      created.map((rule) => rule.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await service.deleteEarnRules(createdIds)
  }
)
