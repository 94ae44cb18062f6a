/** One field list for the list and the retrieve of purchase reward rules. */
export const ADMIN_PURCHASE_REWARD_RULE_FIELDS = [
  "id",
  "name",
  "product_id",
  "variant_id",
  "every_quantity",
  "reward_type",
  "bonus_points",
  "gift_variant_id",
  "gift_quantity",
  "is_active",
  "created_at",
  "updated_at",
]

export const retrievePurchaseRewardRuleQueryConfig = {
  defaults: ADMIN_PURCHASE_REWARD_RULE_FIELDS,
  isList: false,
}

export const listPurchaseRewardRulesQueryConfig = {
  ...retrievePurchaseRewardRuleQueryConfig,
  defaultLimit: 20,
  isList: true,
}
