import { loyaltyQueryKeys } from "../lib/query-keys"
import type { AdminEarnRulePayload, AdminEarnRuleResponse, AdminEarnRulesResponse } from "../lib/types"
import { createCrudHooks } from "./crud"

/** Earn rules: a page (highest priority first), save, delete (points already earned keep their rate). */
export const {
  useList: useEarnRules,
  useSave: useSaveEarnRule,
  useDelete: useDeleteEarnRule,
} = createCrudHooks<AdminEarnRulesResponse, AdminEarnRuleResponse, AdminEarnRulePayload, "earn_rule">({
  path: "/admin/loyalty/earn-rules",
  keys: { all: loyaltyQueryKeys.earnRules, list: loyaltyQueryKeys.earnRuleList },
})
