import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REMINDERS_MODULE } from "../../../../modules/reminders"
import type RemindersModuleService from "../../../../modules/reminders/service"
import { refetchReminderRule } from "../helpers"
import type { AdminUpcomingRemindersParamsType } from "../validators"

/**
 * Reminders due in the next `days` days (overdue ones too: the next run sends them), soonest
 * first, with the customer and when their supply runs out: the pharmacy's "runs out next week".
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminUpcomingRemindersParamsType>, res: MedusaResponse) => {
  const { days, rule_id, limit, offset } = req.validatedQuery
  if (rule_id) {
    await refetchReminderRule(req.scope, rule_id, ["id"])
  }
  const reminders = req.scope.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const now = new Date()
  const [upcoming, count] = await Promise.all([
    reminders.listUpcomingReminders({ days, rule_id, limit, offset, now }),
    reminders.countUpcomingReminders({ days, rule_id, now }),
  ])
  res.json({ reminders: upcoming, count, limit, offset, days })
}
