/** Events the reminders workflows emit. */
export const ReminderEvents = {
  /**
   * payload: `{ id, product_ids, variant_ids }`: a rule was created, changed, deactivated or
   * deleted; the ids are what it covers before and after the change. The coverage of those buyers
   * is recomputed on the worker.
   */
  RULE_CHANGED: "reminders.rule_changed",
} as const

export type ReminderRuleChangedPayload = { id: string; product_ids: string[]; variant_ids: string[] }
