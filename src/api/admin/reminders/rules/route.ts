import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createReminderRulesWorkflow } from "../../../../workflows/reminders/create-reminder-rules"
import { refetchReminderRule } from "../helpers"
import type { AdminCreateReminderRuleType, AdminReminderRulesParamsType } from "../validators"

/** Lists reminder rules, newest first, with their learned cycle beside the set one. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminReminderRulesParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { is_active, product_id } = req.validatedQuery
  const { data: reminder_rules, metadata } = await query.graph({
    entity: "reminder_rule",
    fields: req.queryConfig.fields,
    filters: { ...(is_active === undefined ? {} : { is_active }), ...(product_id ? { product_id } : {}) },
    pagination: { ...req.queryConfig.pagination, order: { created_at: "DESC", id: "ASC" } },
  })
  res.json({ reminder_rules, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/** Creates a reminder rule; the coverage of its existing buyers is computed on the worker. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateReminderRuleType>, res: MedusaResponse) => {
  const { result } = await createReminderRulesWorkflow(req.scope).run({ input: { rules: [req.validatedBody] } })
  const reminder_rule = await refetchReminderRule(req.scope, result[0].id, req.queryConfig.fields)
  res.status(200).json({ reminder_rule })
}
