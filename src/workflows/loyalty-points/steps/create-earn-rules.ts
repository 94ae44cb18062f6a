import { MedusaError } from "@medusajs/framework/utils"
import { createEntitiesStep } from "./entity-steps"

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
export const createEarnRulesStep = createEntitiesStep(createEarnRulesStepId, {
  assert: (data: CreateEarnRuleInput[]) => data.forEach(assertEarnRuleWindow),
  create: (service, data) => service.createEarnRules(data),
  remove: (service, ids) => service.deleteEarnRules(ids),
})
