/** One field list for the list and the retrieve of loyalty tiers. */
export const ADMIN_TIER_FIELDS = [
  "id",
  "name",
  "rank",
  "basis",
  "threshold",
  "currency_code",
  "earn_multiplier",
  "customer_group_id",
  "is_active",
  "created_at",
  "updated_at",
]

export const retrieveTierQueryConfig = {
  defaults: ADMIN_TIER_FIELDS,
  isList: false,
}

export const listTiersQueryConfig = {
  ...retrieveTierQueryConfig,
  defaultLimit: 20,
  isList: true,
}
