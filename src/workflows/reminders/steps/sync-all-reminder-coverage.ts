import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"
import type { ReminderChanges } from "../../../modules/reminders/service"
import { ruleTargetsOf } from "./reminder-rule-checks"

export type SyncAllReminderCoverageResult = ReminderChanges & { rules: number; customers: number }

export const syncAllReminderCoverageStepId = "sync-all-reminder-coverage"

/** Active rules read per page: what they cover goes into one list of targets. */
const RULES_PER_PAGE = 1000

/**
 * After an import or a backfill changed many customers' purchases at once: the buyers of what any
 * active rule covers (its products, variants and substitutes) are paged by customer id, and each
 * page's coverage and reminders of every rule are rebuilt by `syncCoverage` in one transaction,
 * so a customer who bought several rules' products is synced once. An imported patient whose box
 * runs out next week gets the reminder due before it; one whose coverage ran out gets none.
 */
export async function syncAllReminderCoverage(container: MedusaContainer, input: { now?: Date } = {}): Promise<SyncAllReminderCoverageResult> {
  const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const { batchSize } = reminders.getRemindersOptions()
  const rules: Parameters<typeof ruleTargetsOf>[0] = []
  for (let skip = 0; ; skip += RULES_PER_PAGE) {
    const page = await reminders.listReminderRules({ is_active: true }, { skip, take: RULES_PER_PAGE, order: { id: "ASC" } })
    rules.push(...page)
    if (page.length < RULES_PER_PAGE) break
  }
  const result: SyncAllReminderCoverageResult = { rules: rules.length, customers: 0, scheduled: 0, superseded: 0, withdrawn: 0 }
  if (!rules.length) {
    return result
  }
  const targets = ruleTargetsOf(rules)
  let after: string | null = null
  for (;;) {
    const page = await reminders.listRuleCustomers({ ...targets, after, limit: batchSize })
    if (!page.length) break
    const changes = await reminders.syncCoverage({ customer_ids: page, now: input.now })
    result.customers += page.length
    result.scheduled += changes.scheduled
    result.superseded += changes.superseded
    result.withdrawn += changes.withdrawn
    if (page.length < batchSize) break
    after = page[page.length - 1]
  }
  return result
}

/**
 * Runs `syncAllReminderCoverage` on the worker. Nothing to compensate: coverage is derived from
 * the purchase facts and the rules, and a rerun reaches the same state.
 */
export const syncAllReminderCoverageStep = createStep(syncAllReminderCoverageStepId, async (input: { now?: Date | string }, { container }) => {
  return new StepResponse(await syncAllReminderCoverage(container, { now: input.now ? new Date(input.now) : undefined }))
})
