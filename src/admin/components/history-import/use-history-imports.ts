import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { isActive, type AdminHistoryImportResponse, type AdminHistoryImportsResponse } from "./types"

const PATH = "/admin/customer-facts/imports"
/** How often a running import's progress is read again. */
const POLL_MS = 2000

export const historyImportQueryKeys = {
  all: ["history-imports"] as const,
  list: (query: Record<string, unknown>) => [...historyImportQueryKeys.all, "list", query] as const,
  one: (id: string) => [...historyImportQueryKeys.all, "one", id] as const,
}

/** A page of imports, newest first, read again every two seconds while one of them runs. */
export function useHistoryImports(params: { limit: number; offset: number }) {
  return useQuery<AdminHistoryImportsResponse, FetchError>({
    queryKey: historyImportQueryKeys.list(params),
    queryFn: () => sdk.client.fetch<AdminHistoryImportsResponse>(PATH, { query: params }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.history_imports.some(isActive) ? POLL_MS : false),
  })
}

/** One import, polled while it runs. */
export function useHistoryImport(id: string | null) {
  return useQuery<AdminHistoryImportResponse, FetchError>({
    queryKey: historyImportQueryKeys.one(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminHistoryImportResponse>(`${PATH}/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.history_import) ? POLL_MS : false),
  })
}

export type HistoryUpload = { customers: File | null; orders: File | null; dry_run: boolean }

/** Uploads the files (multipart, streamed by the server into the File module) and starts the import. */
export function useUploadHistoryImport() {
  const queryClient = useQueryClient()
  return useMutation<AdminHistoryImportResponse, FetchError, HistoryUpload>({
    mutationFn: ({ customers, orders, dry_run }) => {
      const form = new FormData()
      form.append("dry_run", String(dry_run))
      if (customers) {
        form.append("customers", customers, customers.name)
      }
      if (orders) {
        form.append("orders", orders, orders.name)
      }
      // The browser sets the multipart boundary itself.
      return sdk.client.fetch<AdminHistoryImportResponse>(PATH, { method: "POST", body: form, headers: { "content-type": null } })
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyImportQueryKeys.all }),
  })
}

/** Runs a failed or stalled import again from its last saved line. */
export function useResumeHistoryImport() {
  const queryClient = useQueryClient()
  return useMutation<AdminHistoryImportResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch<AdminHistoryImportResponse>(`${PATH}/${id}/resume`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyImportQueryKeys.all }),
  })
}
