import type { MedusaContainer } from "@medusajs/framework/types"
import { AUTOMATIONS_MODULE } from "../../modules/automations"
import type AutomationsModuleService from "../../modules/automations/service"
import { REMINDERS_MODULE } from "../../modules/reminders"
import type RemindersModuleService from "../../modules/reminders/service"
import { createAutomationWorkflow } from "../../workflows/automations/create-automation"
import { createReminderRulesWorkflow } from "../../workflows/reminders/create-reminder-rules"
import { syncReminderRuleCoverageWorkflow } from "../../workflows/reminders/sync-reminder-rule-coverage"
import type { DemoStore } from "./store-setup"

export const DEMO_REMINDER_RULE_TITLE = "Finasteride 1 mg: a box lasts 28 days"
export const DEMO_WIN_BACK_AUTOMATION_NAME = "Refill not reordered → win-back"
/** The Notification module's template the win-back e-mail is sent with (a SendGrid template id in production). */
export const DEMO_WIN_BACK_TEMPLATE = "pharmacy-refill-win-back"

export type PharmacySetupReport = { reminderRules: number; automations: number }

/**
 * The pharmacy's repurchase reminder for its 28-day box (5 days ahead) and a win-back journey for
 * patients who did not reorder: wait, then an e-mail. Matched by title and name: a second run adds nothing.
 */
export async function ensurePharmacyRetention(container: MedusaContainer, store: DemoStore): Promise<PharmacySetupReport> {
  const report: PharmacySetupReport = { reminderRules: 0, automations: 0 }
  const box = store.variantBySku["PH-FIN-28"]
  if (!box) {
    return report
  }
  const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const [rule] = await reminders.listReminderRules({ product_id: box.product_id }, { select: ["id"] })
  if (!rule) {
    const { result } = await createReminderRulesWorkflow(container).run({
      input: { rules: [{ product_id: box.product_id, title: DEMO_REMINDER_RULE_TITLE, days_per_unit: 28, lead_days: 5 }] },
    })
    // `medusa exec` (the seed) may run without subscribers: compute the coverage here.
    await syncReminderRuleCoverageWorkflow(container).run({ input: { id: result[0].id, product_ids: [box.product_id], variant_ids: [] } })
    report.reminderRules++
  }
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const [existing] = await automations.listAutomations({ name: DEMO_WIN_BACK_AUTOMATION_NAME }, { select: ["id"] })
  if (!existing) {
    await createAutomationWorkflow(container).run({
      input: {
        name: DEMO_WIN_BACK_AUTOMATION_NAME,
        // A draft: the demo must not mail patients until someone switches it on.
        is_active: false,
        // A box lasts 28 days: two weeks past that without a reorder, the refill was missed.
        trigger: { type: "win_back", days: 42 },
        conditions: { field: "purchased", op: "bought", skus: ["PH-FIN-28"] },
        steps: [
          { type: "wait", amount: 2, unit: "days" },
          { type: "send_email", template: DEMO_WIN_BACK_TEMPLATE, subject: "Time to refill your Finasteride?" },
        ],
        exit_on_order: true,
        reentry: "every_n_days",
        reentry_days: 90,
        holdout_percent: 10,
      },
    })
    report.automations++
  }
  return report
}
