import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REMINDERS_MODULE } from "../../../../modules/reminders"
import type RemindersModuleService from "../../../../modules/reminders/service"
import { refetchReminderRule } from "../helpers"
import type { AdminReminderReportParamsType } from "../validators"

/**
 * Reminders of a period: sent, suppressed and withdrawn by reason, failed; reorders within 14
 * days of a sent reminder (conversion) and their net revenue per currency.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminReminderReportParamsType>, res: MedusaResponse) => {
  const { from, to, rule_id } = req.validatedQuery
  if (rule_id) {
    await refetchReminderRule(req.scope, rule_id, ["id"])
  }
  const report = await req.scope.resolve<RemindersModuleService>(REMINDERS_MODULE).reportReminders({ from, to, rule_id })
  res.json({ report })
}
