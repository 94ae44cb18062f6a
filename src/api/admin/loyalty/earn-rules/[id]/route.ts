import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  deleteEarnRulesWorkflow,
  updateEarnRulesWorkflow,
} from "../../../../../workflows/loyalty-points/upsert-earn-rules"
import { refetchEarnRule } from "../helpers"
import type { AdminUpdateEarnRuleType } from "../validators"

/** Retrieves one earn rule. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const earn_rule = await refetchEarnRule(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ earn_rule })
}

/** Updates an earn rule; only the fields sent change. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateEarnRuleType>, res: MedusaResponse) => {
  await updateEarnRulesWorkflow(req.scope).run({
    input: { earn_rules: [{ ...req.validatedBody, id: req.params.id }] },
  })
  const earn_rule = await refetchEarnRule(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ earn_rule })
}

/** Deletes an earn rule (soft delete: orders already earned keep the rate on their lots). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = req.params.id
  await deleteEarnRulesWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "earn_rule", deleted: true })
}
