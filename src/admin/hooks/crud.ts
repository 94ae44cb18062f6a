import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminDeleteResponse } from "../lib/types"

/**
 * The list, save (create without an id, update with one) and delete hooks of one admin resource
 * of the plugin (`/admin/loyalty/<resource>`): every mutation invalidates all of its lists.
 */
export function createCrudHooks<TList, TOne, TPayload, TObject extends string>({
  path,
  keys,
}: {
  /** e.g. "/admin/loyalty/earn-rules" */
  path: string
  keys: { all: () => QueryKey; list: (query: Record<string, unknown>) => QueryKey }
}) {
  function useList(params: { limit: number; offset: number }) {
    return useQuery<TList, FetchError>({
      queryKey: keys.list(params),
      queryFn: () => sdk.client.fetch<TList>(path, { query: params }),
      placeholderData: keepPreviousData,
    })
  }

  function useSave() {
    const queryClient = useQueryClient()
    return useMutation<TOne, FetchError, { id?: string; body: TPayload }>({
      mutationFn: ({ id, body }) =>
        sdk.client.fetch<TOne>(id ? `${path}/${id}` : path, { method: "POST", body: body as Record<string, unknown> }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all() }),
    })
  }

  function useDelete() {
    const queryClient = useQueryClient()
    return useMutation<AdminDeleteResponse<TObject>, FetchError, string>({
      mutationFn: (id) => sdk.client.fetch<AdminDeleteResponse<TObject>>(`${path}/${id}`, { method: "DELETE" }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all() }),
    })
  }

  return { useList, useSave, useDelete }
}
