import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { loyaltyQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type {
  AdminDeleteResponse,
  AdminEarnRulePayload,
  AdminEarnRuleResponse,
  AdminEarnRulesResponse,
} from "../lib/types"

/** One page of earn rules, highest priority first. */
export function useEarnRules(params: { limit: number; offset: number }) {
  return useQuery<AdminEarnRulesResponse, FetchError>({
    queryKey: loyaltyQueryKeys.earnRuleList(params),
    queryFn: () => sdk.client.fetch<AdminEarnRulesResponse>("/admin/loyalty/earn-rules", { query: params }),
    placeholderData: keepPreviousData,
  })
}

/** Creates an earn rule (no id) or updates one (with an id). */
export function useSaveEarnRule() {
  const queryClient = useQueryClient()
  return useMutation<AdminEarnRuleResponse, FetchError, { id?: string; body: AdminEarnRulePayload }>({
    mutationFn: ({ id, body }) =>
      sdk.client.fetch<AdminEarnRuleResponse>(id ? `/admin/loyalty/earn-rules/${id}` : "/admin/loyalty/earn-rules", {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyQueryKeys.earnRules() }),
  })
}

/** Deletes an earn rule; points already earned under it keep their rate. */
export function useDeleteEarnRule() {
  const queryClient = useQueryClient()
  return useMutation<AdminDeleteResponse<"earn_rule">, FetchError, string>({
    mutationFn: (id) =>
      sdk.client.fetch<AdminDeleteResponse<"earn_rule">>(`/admin/loyalty/earn-rules/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyQueryKeys.earnRules() }),
  })
}
