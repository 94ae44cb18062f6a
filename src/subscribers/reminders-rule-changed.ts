import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReminderEvents, type ReminderRuleChangedPayload } from "../modules/reminders/events"
import { syncReminderRuleCoverageWorkflow } from "../workflows/reminders/sync-reminder-rule-coverage"

/** A reminder rule was created, changed or deleted → the coverage of the customers it concerns, on the worker. */
export default async function remindersRuleChanged({ event, container }: SubscriberArgs<ReminderRuleChangedPayload>) {
  await syncReminderRuleCoverageWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: ReminderEvents.RULE_CHANGED, context: { subscriberId: "reminders-rule-changed" } }
