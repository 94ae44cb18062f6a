/**
 * React Query keys of the segment screens and the customer facts. Everything a save, refresh or
 * delete can change lives under `segmentQueryKeys.data()`, so one invalidation refreshes it; the
 * field catalogue, previews and picker lookups do not depend on saved segments and stay cached.
 */
export const segmentQueryKeys = {
  all: ["segments"] as const,
  data: () => [...segmentQueryKeys.all, "data"] as const,
  list: (query: Record<string, unknown>) => [...segmentQueryKeys.data(), "list", query] as const,
  detail: (id: string) => [...segmentQueryKeys.data(), "detail", id] as const,
  members: (id: string, after: string | null) => [...segmentQueryKeys.data(), "members", id, after] as const,
  customer: (customerId: string) => [...segmentQueryKeys.data(), "customer", customerId] as const,
  explain: (segmentId: string, customerId: string) => [...segmentQueryKeys.data(), "explain", segmentId, customerId] as const,
  fields: () => [...segmentQueryKeys.all, "fields"] as const,
  /** `body` is the definition as JSON text: equal trees share one request. */
  preview: (body: string | null, segmentId: string | undefined) =>
    [...segmentQueryKeys.all, "preview", segmentId ?? null, body] as const,
  explainDefinition: (body: string, customerId: string) => [...segmentQueryKeys.all, "explain-definition", customerId, body] as const,
  lookup: (...parts: unknown[]) => [...segmentQueryKeys.all, "lookup", ...parts] as const,
}

export const customerFactsQueryKeys = {
  customer: (customerId: string) => ["customer-facts", "customer", customerId] as const,
}
