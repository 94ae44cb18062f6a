import type { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { customerFactsQueryKeys } from "../lib/segment-query-keys"
import type { AdminCustomerFactsResponse } from "../lib/segment-types"

/** What the facts hold about one customer: aggregates, RFM, consent, points, spend per currency, products bought. */
export function useCustomerFacts(customerId: string) {
  return useQuery<AdminCustomerFactsResponse, FetchError>({
    queryKey: customerFactsQueryKeys.customer(customerId),
    queryFn: () => sdk.client.fetch<AdminCustomerFactsResponse>(`/admin/customer-facts/customers/${customerId}`),
  })
}
