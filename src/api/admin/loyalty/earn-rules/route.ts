import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createEarnRulesWorkflow } from "../../../../workflows/loyalty-points/upsert-earn-rules"
import { refetchEarnRule } from "./helpers"
import type { AdminCreateEarnRuleType, AdminEarnRulesParamsType } from "./validators"

/** Lists earn rules, highest priority first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminEarnRulesParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { is_active } = req.validatedQuery
  const { data: earn_rules, metadata } = await query.graph({
    entity: "earn_rule",
    fields: req.queryConfig.fields,
    filters: is_active === undefined ? {} : { is_active },
    pagination: { ...req.queryConfig.pagination, order: { priority: "DESC", created_at: "ASC", id: "ASC" } },
  })
  res.json({ earn_rules, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/** Creates an earn rule. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateEarnRuleType>, res: MedusaResponse) => {
  const { result } = await createEarnRulesWorkflow(req.scope).run({
    input: { earn_rules: [req.validatedBody] },
  })
  const earn_rule = await refetchEarnRule(req.scope, result[0].id, req.queryConfig.fields)
  res.status(200).json({ earn_rule })
}
