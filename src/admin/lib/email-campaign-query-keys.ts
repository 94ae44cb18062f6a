/**
 * React Query keys of the campaign screens. Everything a save or a status change can change lives
 * under `emailCampaignQueryKeys.data()`, so one invalidation refreshes lists, details, progress and
 * reports; the pickers' lookups (segments, customers) stay cached.
 */
export const emailCampaignQueryKeys = {
  all: ["email-campaigns"] as const,
  data: () => [...emailCampaignQueryKeys.all, "data"] as const,
  lists: () => [...emailCampaignQueryKeys.data(), "list"] as const,
  list: (query: Record<string, unknown>) => [...emailCampaignQueryKeys.lists(), query] as const,
  detail: (id: string) => [...emailCampaignQueryKeys.data(), "detail", id] as const,
  progress: (id: string) => [...emailCampaignQueryKeys.data(), "progress", id] as const,
  report: (id: string) => [...emailCampaignQueryKeys.data(), "report", id] as const,
  preview: (id: string, customerId: string | null, language: string | null) =>
    [...emailCampaignQueryKeys.data(), "preview", id, customerId, language] as const,
  lookup: (...parts: unknown[]) => [...emailCampaignQueryKeys.all, "lookup", ...parts] as const,
}
