import type { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import { loyaltyQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AdminBalanceCheckResponse } from "../lib/types"

/**
 * Proves every cached balance against the ledger and the lots. It reads every account, so it
 * runs only when asked (`refetch`), never on page load.
 */
export function useBalanceCheck() {
  return useQuery<AdminBalanceCheckResponse, FetchError>({
    queryKey: loyaltyQueryKeys.balanceCheck(),
    queryFn: () => sdk.client.fetch<AdminBalanceCheckResponse>("/admin/loyalty/balance-check"),
    enabled: false,
    gcTime: 0,
  })
}
