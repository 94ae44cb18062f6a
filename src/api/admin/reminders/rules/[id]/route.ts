import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteReminderRulesWorkflow } from "../../../../../workflows/reminders/delete-reminder-rules"
import { updateReminderRulesWorkflow } from "../../../../../workflows/reminders/update-reminder-rules"
import { refetchReminderRule } from "../../helpers"
import type { AdminUpdateReminderRuleType } from "../../validators"

/** Retrieves one reminder rule. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const reminder_rule = await refetchReminderRule(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ reminder_rule })
}

/** Updates a reminder rule; only the fields sent change. Coverage follows on the worker. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateReminderRuleType>, res: MedusaResponse) => {
  await updateReminderRulesWorkflow(req.scope).run({ input: { rules: [{ ...req.validatedBody, id: req.params.id }] } })
  const reminder_rule = await refetchReminderRule(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ reminder_rule })
}

/** Deletes a reminder rule (soft delete: sent reminders stay in the report; scheduled ones are withdrawn). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = req.params.id
  await deleteReminderRulesWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "reminder_rule", deleted: true })
}
