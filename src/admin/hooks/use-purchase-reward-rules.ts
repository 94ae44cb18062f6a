import { loyaltyQueryKeys } from "../lib/query-keys"
import type {
  AdminPurchaseRewardRulePayload,
  AdminPurchaseRewardRuleResponse,
  AdminPurchaseRewardRulesResponse,
} from "../lib/types"
import { createCrudHooks } from "./crud"

/** "Buy N, get one" rules: a page (oldest first), save, delete (rewards already issued stay queued). */
export const {
  useList: usePurchaseRewardRules,
  useSave: useSavePurchaseRewardRule,
  useDelete: useDeletePurchaseRewardRule,
} = createCrudHooks<
  AdminPurchaseRewardRulesResponse,
  AdminPurchaseRewardRuleResponse,
  AdminPurchaseRewardRulePayload,
  "purchase_reward_rule"
>({
  path: "/admin/loyalty/purchase-reward-rules",
  keys: { all: loyaltyQueryKeys.purchaseRewardRules, list: loyaltyQueryKeys.purchaseRewardRuleList },
})
