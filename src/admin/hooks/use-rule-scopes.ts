import type { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import { loyaltyQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { NamedEntity } from "../lib/types"

/** Most stores have a handful of each; past this the id can still be kept, it just has no name. */
const SCOPE_LIMIT = 200

function useNamedList(path: string, key: "regions" | "sales_channels" | "customer_groups") {
  return useQuery<NamedEntity[], FetchError>({
    queryKey: loyaltyQueryKeys.catalog("scope", key),
    queryFn: () =>
      sdk.client
        .fetch<Record<typeof key, NamedEntity[]>>(path, { query: { fields: "id,name", limit: SCOPE_LIMIT } })
        .then((response) => response[key]),
    staleTime: 5 * 60_000,
  })
}

/** The regions, sales channels and customer groups an earn rule can be limited to. */
export function useRuleScopes() {
  const regions = useNamedList("/admin/regions", "regions")
  const salesChannels = useNamedList("/admin/sales-channels", "sales_channels")
  const customerGroups = useNamedList("/admin/customer-groups", "customer_groups")
  return {
    regions: regions.data ?? [],
    salesChannels: salesChannels.data ?? [],
    customerGroups: customerGroups.data ?? [],
    isLoading: regions.isLoading || salesChannels.isLoading || customerGroups.isLoading,
  }
}
