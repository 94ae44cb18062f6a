import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  deletePurchaseRewardRulesWorkflow,
  updatePurchaseRewardRulesWorkflow,
} from "../../../../../workflows/loyalty-points/upsert-purchase-reward-rules"
import { refetchPurchaseRewardRule } from "../helpers"
import type { AdminUpdatePurchaseRewardRuleType } from "../validators"

/** Retrieves one purchase reward rule. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const purchase_reward_rule = await refetchPurchaseRewardRule(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ purchase_reward_rule })
}

/** Updates a purchase reward rule; only the fields sent change. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdatePurchaseRewardRuleType>, res: MedusaResponse) => {
  await updatePurchaseRewardRulesWorkflow(req.scope).run({
    input: { purchase_reward_rules: [{ ...req.validatedBody, id: req.params.id }] },
  })
  const purchase_reward_rule = await refetchPurchaseRewardRule(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ purchase_reward_rule })
}

/** Deletes a purchase reward rule (soft delete: counts stop, rewards already issued stay in the queue). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = req.params.id
  await deletePurchaseRewardRulesWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "purchase_reward_rule", deleted: true })
}
