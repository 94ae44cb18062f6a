import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type { ReminderRuleChangedPayload } from "../../../modules/reminders/events"
import type RemindersModuleService from "../../../modules/reminders/service"

export type SyncReminderRuleCoverageResult = {
  customers: number
  scheduled: number
  superseded: number
  withdrawn: number
  rescheduled: number
}

export const syncReminderRuleCoverageStepId = "sync-reminder-rule-coverage"

/**
 * A rule was created, changed, deactivated or deleted: the customers it concerns (buyers of what
 * it covers, before and after the change, and holders of its reminders) are paged by id and each
 * page's coverage and reminders are rebuilt by `syncCoverage` (one transaction per page); then
 * its scheduled reminders get the due dates its lead time and nudges now give. `now` (default: the
 * clock) decides which coverage still runs.
 */
export async function syncReminderRuleCoverage(
  container: MedusaContainer,
  input: ReminderRuleChangedPayload,
  now?: Date
): Promise<SyncReminderRuleCoverageResult> {
  const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const { batchSize } = reminders.getRemindersOptions()
  const result: SyncReminderRuleCoverageResult = { customers: 0, scheduled: 0, superseded: 0, withdrawn: 0, rescheduled: 0 }
  let after: string | null = null
  for (;;) {
    const page = await reminders.listRuleCustomers({
      rule_id: input.id,
      product_ids: input.product_ids,
      variant_ids: input.variant_ids,
      after,
      limit: batchSize,
    })
    if (!page.length) {
      break
    }
    const changes = await reminders.syncCoverage({ customer_ids: page, changed_rule_id: input.id, now })
    result.customers += page.length
    result.scheduled += changes.scheduled
    result.superseded += changes.superseded
    result.withdrawn += changes.withdrawn
    if (page.length < batchSize) {
      break
    }
    after = page[page.length - 1]
  }
  // After the pages: a reminder brought back by syncCoverage keeps the due date it had.
  const moved = await reminders.rescheduleRuleReminders({ rule_id: input.id })
  result.rescheduled = moved.rescheduled
  result.withdrawn += moved.withdrawn
  return result
}

/**
 * Runs `syncReminderRuleCoverage` on the worker. Nothing to compensate: coverage is derived from
 * the purchase facts and the rules, and a rerun reaches the same state.
 */
export const syncReminderRuleCoverageStep = createStep(syncReminderRuleCoverageStepId, async (input: ReminderRuleChangedPayload, { container }) => {
  return new StepResponse(await syncReminderRuleCoverage(container, input))
})
