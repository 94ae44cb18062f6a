import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"

/**
 * Rebuilds these customers' coverage from their purchase facts and moves their reminders along
 * (schedule, supersede, withdraw). Nothing to compensate: coverage is derived from the facts, and
 * a rerun reaches the same state.
 */
export const syncCustomerCoverageStep = createStep(
  "sync-customer-coverage",
  async (input: { customer_ids: string[]; now?: Date | string }, { container }) => {
    const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
    const changes = await reminders.syncCoverage({ customer_ids: input.customer_ids, now: input.now ? new Date(input.now) : undefined })
    return new StepResponse(changes)
  }
)
