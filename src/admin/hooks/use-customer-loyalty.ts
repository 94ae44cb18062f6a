import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { loyaltyQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type {
  AdminAdjustPointsPayload,
  AdminAdjustPointsResponse,
  AdminCustomerLoyaltyResponse,
  AdminPointsTransactionsParams,
  AdminPointsTransactionsResponse,
} from "../lib/types"

/** A customer's balance and open lots. */
export function useCustomerLoyalty(customerId: string) {
  return useQuery<AdminCustomerLoyaltyResponse, FetchError>({
    queryKey: loyaltyQueryKeys.customerSummary(customerId),
    queryFn: () => sdk.client.fetch<AdminCustomerLoyaltyResponse>(`/admin/loyalty/customers/${customerId}`),
  })
}

/** One page of a customer's points history, newest first; the previous page stays on screen while the next loads. */
export function useCustomerTransactions(customerId: string, params: AdminPointsTransactionsParams) {
  return useQuery<AdminPointsTransactionsResponse, FetchError>({
    queryKey: loyaltyQueryKeys.customerTransactions(customerId, params),
    queryFn: () =>
      sdk.client.fetch<AdminPointsTransactionsResponse>(`/admin/loyalty/customers/${customerId}/transactions`, {
        query: params,
      }),
    placeholderData: keepPreviousData,
  })
}

/** Credits or debits a customer's points by hand; refreshes their balance, lots and history. */
export function useAdjustPoints(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation<AdminAdjustPointsResponse, FetchError, AdminAdjustPointsPayload>({
    mutationFn: (payload) =>
      sdk.client.fetch<AdminAdjustPointsResponse>(`/admin/loyalty/customers/${customerId}/adjustments`, {
        method: "POST",
        body: payload,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyQueryKeys.customer(customerId) }),
  })
}
