import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../../lib/sdk"
import type { Automation, AutomationPayload, AutomationReport } from "./types"

const keys = {
  all: ["automations"] as const,
  list: (query: Record<string, unknown>) => [...keys.all, "list", query] as const,
  one: (id: string) => [...keys.all, "one", id] as const,
  report: (id: string) => [...keys.all, "report", id] as const,
}

/** A page of automations with their counts (refreshed every 10 s while journeys run). */
export function useAutomations(query: { limit: number; offset: number }) {
  return useQuery<{ automations: Automation[]; count: number }, FetchError>({
    queryKey: keys.list(query),
    queryFn: () => sdk.client.fetch("/admin/automations", { query }),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  })
}

export function useAutomation(id: string | undefined) {
  return useQuery<{ automation: Automation }, FetchError>({
    queryKey: keys.one(id ?? ""),
    queryFn: () => sdk.client.fetch(`/admin/automations/${id}`),
    enabled: !!id,
  })
}

export function useAutomationReport(id: string | undefined) {
  return useQuery<{ report: AutomationReport }, FetchError>({
    queryKey: keys.report(id ?? ""),
    queryFn: () => sdk.client.fetch(`/admin/automations/${id}/report`),
    enabled: !!id,
    refetchInterval: 15_000,
  })
}

/** Creates (no id) or changes an automation; every automations query is refetched after. */
export function useSaveAutomation() {
  const queryClient = useQueryClient()
  return useMutation<{ automation: Automation }, FetchError, { id?: string; body: Partial<AutomationPayload> }>({
    mutationFn: ({ id, body }) => sdk.client.fetch(id ? `/admin/automations/${id}` : "/admin/automations", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export function useDeleteAutomation() {
  const queryClient = useQueryClient()
  return useMutation<unknown, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`/admin/automations/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.removeQueries({ queryKey: keys.all }),
  })
}
