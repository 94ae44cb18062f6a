import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { loyaltyQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type {
  AdminDeleteResponse,
  AdminPurchaseRewardRulePayload,
  AdminPurchaseRewardRuleResponse,
  AdminPurchaseRewardRulesResponse,
} from "../lib/types"

/** One page of "buy N, get one" rules, oldest first. */
export function usePurchaseRewardRules(params: { limit: number; offset: number }) {
  return useQuery<AdminPurchaseRewardRulesResponse, FetchError>({
    queryKey: loyaltyQueryKeys.purchaseRewardRuleList(params),
    queryFn: () =>
      sdk.client.fetch<AdminPurchaseRewardRulesResponse>("/admin/loyalty/purchase-reward-rules", { query: params }),
    placeholderData: keepPreviousData,
  })
}

/** Creates a purchase reward rule (no id) or updates one (with an id). */
export function useSavePurchaseRewardRule() {
  const queryClient = useQueryClient()
  return useMutation<
    AdminPurchaseRewardRuleResponse,
    FetchError,
    { id?: string; body: AdminPurchaseRewardRulePayload }
  >({
    mutationFn: ({ id, body }) =>
      sdk.client.fetch<AdminPurchaseRewardRuleResponse>(
        id ? `/admin/loyalty/purchase-reward-rules/${id}` : "/admin/loyalty/purchase-reward-rules",
        { method: "POST", body }
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyQueryKeys.purchaseRewardRules() }),
  })
}

/** Deletes a purchase reward rule; rewards it already issued stay in the gift-shipment queue. */
export function useDeletePurchaseRewardRule() {
  const queryClient = useQueryClient()
  return useMutation<AdminDeleteResponse<"purchase_reward_rule">, FetchError, string>({
    mutationFn: (id) =>
      sdk.client.fetch<AdminDeleteResponse<"purchase_reward_rule">>(`/admin/loyalty/purchase-reward-rules/${id}`, {
        method: "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyQueryKeys.purchaseRewardRules() }),
  })
}
