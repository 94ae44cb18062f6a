/** One field list for the list and the retrieve of automations. */
export const ADMIN_AUTOMATION_FIELDS = [
  "id",
  "name",
  "is_active",
  "trigger",
  "conditions",
  "steps",
  "exit_on_order",
  "reentry",
  "reentry_days",
  "holdout_percent",
  "attribution_days",
  "created_at",
  "updated_at",
]

export const retrieveAutomationQueryConfig = { defaults: ADMIN_AUTOMATION_FIELDS, isList: false }

export const listAutomationsQueryConfig = { ...retrieveAutomationQueryConfig, defaultLimit: 20, isList: true }
