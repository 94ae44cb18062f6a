import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REMINDERS_MODULE } from "../../../../modules/reminders"
import type RemindersModuleService from "../../../../modules/reminders/service"

/**
 * The logged-in customer's supplies: until when each active rule's products last and the
 * reminders to come ("your box runs out on …, we will remind you on …").
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const summary = await req.scope
    .resolve<RemindersModuleService>(REMINDERS_MODULE)
    .summarizeCustomerReminders({ customer_id: req.auth_context.actor_id, recent: 0 })
  const active = summary.coverage.filter((c) => c.is_active)
  res.json({
    coverage: active.map((c) => ({
      rule_id: c.rule_id,
      title: c.rule_title,
      product_id: c.product_id,
      variant_id: c.variant_id,
      covered_until: c.covered_until,
      units: c.units,
      last_purchase_at: c.last_purchase_at,
      next_reminder_at: c.next_reminder?.due_at ?? null,
    })),
    upcoming: summary.upcoming
      .filter((r) => active.some((c) => c.rule_id === r.rule_id))
      .map((r) => ({ id: r.id, rule_id: r.rule_id, title: r.rule_title, due_at: r.due_at, runs_out_at: r.coverage_end, reminder_number: r.sequence })),
  })
}
