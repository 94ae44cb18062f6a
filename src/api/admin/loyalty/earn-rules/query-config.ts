/** One field list for the list and the retrieve of earn rules. */
export const ADMIN_EARN_RULE_FIELDS = [
  "id",
  "name",
  "points_per_unit",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "customer_group_id",
  "multipliers",
  "include_shipping",
  "include_tax",
  "starts_at",
  "ends_at",
  "is_active",
  "priority",
  "created_at",
  "updated_at",
]

export const retrieveEarnRuleQueryConfig = {
  defaults: ADMIN_EARN_RULE_FIELDS,
  isList: false,
}

export const listEarnRulesQueryConfig = {
  ...retrieveEarnRuleQueryConfig,
  defaultLimit: 20,
  isList: true,
}
