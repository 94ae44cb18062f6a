import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createPurchaseRewardRulesWorkflow } from "../../../../workflows/loyalty-points/upsert-purchase-reward-rules"
import { refetchPurchaseRewardRule } from "./helpers"
import type { AdminCreatePurchaseRewardRuleType, AdminPurchaseRewardRulesParamsType } from "./validators"

/** Lists "buy N, get one" rules, oldest first, filtered by product, variant, reward type or activity. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminPurchaseRewardRulesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: purchase_reward_rules, metadata } = await query.graph({
    entity: "purchase_reward_rule",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: { ...req.queryConfig.pagination, order: { created_at: "ASC", id: "ASC" } },
  })
  res.json({ purchase_reward_rules, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/** Creates a purchase reward rule for one product or one variant. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePurchaseRewardRuleType>, res: MedusaResponse) => {
  const { result } = await createPurchaseRewardRulesWorkflow(req.scope).run({
    input: { purchase_reward_rules: [req.validatedBody] },
  })
  const purchase_reward_rule = await refetchPurchaseRewardRule(req.scope, result[0].id, req.queryConfig.fields)
  res.status(200).json({ purchase_reward_rule })
}
