import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { segmentQueryKeys } from "../lib/segment-query-keys"
import type {
  AdminCustomerSegmentsResponse,
  AdminSegmentDeleteResponse,
  AdminSegmentExplainResponse,
  AdminSegmentFieldsResponse,
  AdminSegmentMembersResponse,
  AdminSegmentPayload,
  AdminSegmentPreviewResponse,
  AdminSegmentRefreshResponse,
  AdminSegmentResponse,
  AdminSegmentsParams,
  AdminSegmentsResponse,
} from "../lib/segment-types"
import { useDebouncedValue } from "./use-debounced-value"

/** How often a screen showing a segment whose members are being computed asks again. */
const REFRESHING_POLL_MS = 2000

/** One page of segments, newest first; polls while any of them is being recomputed. */
export function useSegments(params: AdminSegmentsParams) {
  return useQuery<AdminSegmentsResponse, FetchError>({
    queryKey: segmentQueryKeys.list(params),
    queryFn: () => sdk.client.fetch<AdminSegmentsResponse>("/admin/segments", { query: params }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.segments.some((segment) => segment.refreshing) ? REFRESHING_POLL_MS : false),
  })
}

/** One segment; polls while its members are being recomputed after a save. */
export function useSegment(id: string | undefined) {
  return useQuery<AdminSegmentResponse, FetchError>({
    queryKey: segmentQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminSegmentResponse>(`/admin/segments/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.segment.refreshing ? REFRESHING_POLL_MS : false),
  })
}

/** The condition language: fields by group, their operators and inputs, and the named country lists. */
export function useSegmentFields() {
  return useQuery<AdminSegmentFieldsResponse, FetchError>({
    queryKey: segmentQueryKeys.fields(),
    queryFn: () => sdk.client.fetch<AdminSegmentFieldsResponse>("/admin/segments/fields"),
    staleTime: Infinity,
  })
}

/** Creates a segment (no id) or updates one (with an id). */
export function useSaveSegment() {
  const queryClient = useQueryClient()
  return useMutation<AdminSegmentResponse, FetchError, { id?: string; body: Partial<AdminSegmentPayload> }>({
    mutationFn: ({ id, body }) =>
      sdk.client.fetch<AdminSegmentResponse>(id ? `/admin/segments/${id}` : "/admin/segments", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentQueryKeys.data() }),
  })
}

/** Deletes a segment; refused (with the server's reason) while another segment refers to it. */
export function useDeleteSegment() {
  const queryClient = useQueryClient()
  return useMutation<AdminSegmentDeleteResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch<AdminSegmentDeleteResponse>(`/admin/segments/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentQueryKeys.data() }),
  })
}

/** Recomputes a segment's members now; answers how many entered and left. */
export function useRefreshSegment() {
  const queryClient = useQueryClient()
  return useMutation<AdminSegmentRefreshResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch<AdminSegmentRefreshResponse>(`/admin/segments/${id}/refresh`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentQueryKeys.data() }),
  })
}

/**
 * The live count and a sample of 20 for a tree being edited. The tree is sent once it has stopped
 * changing for 400 ms; a request still running when the tree changes again is aborted (React
 * Query aborts the signal of a query nobody observes any more), and the last answer stays on
 * screen meanwhile. A 400 is the server naming bad nodes: it is not retried.
 */
export function useSegmentPreview(definition: unknown | null, segmentId?: string) {
  const body = definition === null ? null : JSON.stringify(definition)
  const debounced = useDebouncedValue(body, 400)
  const query = useQuery<AdminSegmentPreviewResponse, FetchError>({
    queryKey: segmentQueryKeys.preview(debounced, segmentId),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminSegmentPreviewResponse>("/admin/segments/preview", {
        method: "POST",
        body: { definition: JSON.parse(debounced!), sample_size: 20, ...(segmentId ? { segment_id: segmentId } : {}) },
        signal,
      }),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  })
  // The answer on screen is for an older tree while the admin is typing or a request is under way.
  return { ...query, isOutdated: body !== debounced || query.isFetching, requestedBody: debounced }
}

/** A page of a saved segment's members; `after` is the last customer id of the previous page. */
export function useSegmentMembers(id: string, after: string | null, limit = 20) {
  return useQuery<AdminSegmentMembersResponse, FetchError>({
    queryKey: segmentQueryKeys.members(id, after),
    queryFn: () =>
      sdk.client.fetch<AdminSegmentMembersResponse>(`/admin/segments/${id}/members`, {
        query: { limit, ...(after ? { after } : {}) },
      }),
    placeholderData: keepPreviousData,
  })
}

/** The segments a customer is in now, with when they entered. */
export function useCustomerSegments(customerId: string) {
  return useQuery<AdminCustomerSegmentsResponse, FetchError>({
    queryKey: segmentQueryKeys.customer(customerId),
    queryFn: () => sdk.client.fetch<AdminCustomerSegmentsResponse>(`/admin/segments/customers/${customerId}`),
  })
}

/** Why a customer is in or out of a saved segment, node by node; read when `segmentId` is set. */
export function useExplainSegment(segmentId: string | null, customerId: string) {
  return useQuery<AdminSegmentExplainResponse, FetchError>({
    queryKey: segmentQueryKeys.explain(segmentId ?? "", customerId),
    queryFn: () =>
      sdk.client.fetch<AdminSegmentExplainResponse>(`/admin/segments/${segmentId}/explain`, {
        query: { customer_id: customerId },
      }),
    enabled: !!segmentId,
    staleTime: 0,
  })
}

/** Why a customer is in or out of a tree being edited (the builder's "Why?" on a sample row). */
export function useExplainDefinition(definition: unknown, customerId: string | null, segmentId?: string) {
  const body = JSON.stringify(definition)
  return useQuery<AdminSegmentExplainResponse, FetchError>({
    queryKey: segmentQueryKeys.explainDefinition(body, customerId ?? ""),
    queryFn: () =>
      sdk.client.fetch<AdminSegmentExplainResponse>("/admin/segments/explain", {
        method: "POST",
        body: { definition: JSON.parse(body), customer_id: customerId, ...(segmentId ? { segment_id: segmentId } : {}) },
      }),
    enabled: !!customerId,
    retry: false,
  })
}
