/**
 * React Query keys of the plugin's admin data, one family per resource, so a mutation can
 * invalidate exactly what it changed (every list of a resource, or one customer's points).
 */
export const loyaltyQueryKeys = {
  all: ["loyalty"] as const,
  customer: (customerId: string) => [...loyaltyQueryKeys.all, "customer", customerId] as const,
  customerSummary: (customerId: string) => [...loyaltyQueryKeys.customer(customerId), "summary"] as const,
  customerTransactions: (customerId: string, query: Record<string, unknown>) =>
    [...loyaltyQueryKeys.customer(customerId), "transactions", query] as const,
  earnRules: () => [...loyaltyQueryKeys.all, "earn-rules"] as const,
  earnRuleList: (query: Record<string, unknown>) => [...loyaltyQueryKeys.earnRules(), "list", query] as const,
  purchaseRewardRules: () => [...loyaltyQueryKeys.all, "purchase-reward-rules"] as const,
  purchaseRewardRuleList: (query: Record<string, unknown>) =>
    [...loyaltyQueryKeys.purchaseRewardRules(), "list", query] as const,
  tiers: () => [...loyaltyQueryKeys.all, "tiers"] as const,
  tierList: (query: Record<string, unknown>) => [...loyaltyQueryKeys.tiers(), "list", query] as const,
  report: (query: Record<string, unknown>) => [...loyaltyQueryKeys.all, "report", query] as const,
  giftShipments: () => [...loyaltyQueryKeys.all, "gift-shipments"] as const,
  giftShipmentList: (query: Record<string, unknown>) => [...loyaltyQueryKeys.giftShipments(), "list", query] as const,
  balanceCheck: () => [...loyaltyQueryKeys.all, "balance-check"] as const,
  /** Medusa's own catalogue and scopes, read by the rule forms. */
  catalog: (...parts: unknown[]) => [...loyaltyQueryKeys.all, "catalog", ...parts] as const,
}
