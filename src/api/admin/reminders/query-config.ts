/** One field list for the list and the retrieve of reminder rules. */
export const ADMIN_REMINDER_RULE_FIELDS = [
  "id",
  "product_id",
  "variant_id",
  "title",
  "days_per_unit",
  "lead_days",
  "substitute_product_ids",
  "substitute_variant_ids",
  "template",
  "max_reminders",
  "nudge_after_days",
  "use_personal_cycle",
  "is_active",
  "learned_days_per_unit",
  "learned_sample_size",
  "learned_at",
  "created_at",
  "updated_at",
]

export const retrieveReminderRuleQueryConfig = { defaults: ADMIN_REMINDER_RULE_FIELDS, isList: false }

export const listReminderRulesQueryConfig = { ...retrieveReminderRuleQueryConfig, defaultLimit: 20, isList: true }
