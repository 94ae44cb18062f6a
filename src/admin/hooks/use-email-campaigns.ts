import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect } from "react"
import { emailCampaignQueryKeys } from "../lib/email-campaign-query-keys"
import type {
  AdminEmailCampaignDeleteResponse,
  AdminEmailCampaignPayload,
  AdminEmailCampaignPreviewResponse,
  AdminEmailCampaignProgressResponse,
  AdminEmailCampaignReportResponse,
  AdminEmailCampaignResponse,
  AdminEmailCampaignsParams,
  AdminEmailCampaignsResponse,
  AdminEmailCampaignStatusPayload,
  AdminEmailCampaignTestSendPayload,
  AdminEmailCampaignTestSendResponse,
  CampaignStatus,
  EmailCampaign,
} from "../lib/email-campaign-types"
import { sdk } from "../lib/sdk"
import type { PickerOption, Segment } from "../lib/segment-types"

/** How often the progress of a sending campaign is asked for. */
const PROGRESS_POLL_MS = 2000
/** How often a sending campaign's report (opens, clicks, orders) is read again. */
const REPORT_POLL_MS = 10_000
/** How often a campaign due to start soon is read again, to notice the worker starting it. */
const DUE_POLL_MS = 5000
/** The dispatch job looks for due campaigns every minute: "soon" is within two of its runs. */
const DUE_SOON_MS = 120_000

const isDueSoon = (campaign: EmailCampaign | undefined) =>
  campaign?.status === "scheduled" && new Date(campaign.scheduled_at ?? 0).getTime() - Date.now() < DUE_SOON_MS

/** One page of campaigns, newest first. */
export function useEmailCampaigns(params: AdminEmailCampaignsParams) {
  return useQuery<AdminEmailCampaignsResponse, FetchError>({
    queryKey: emailCampaignQueryKeys.list(params),
    queryFn: () => sdk.client.fetch<AdminEmailCampaignsResponse>("/admin/email-campaigns", { query: params }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.email_campaigns.some((c) => c.status === "sending" || isDueSoon(c)) ? DUE_POLL_MS : false,
  })
}

/** One campaign with its templates; polls while it is due to start, so the page follows the worker. */
export function useEmailCampaign(id: string | undefined) {
  return useQuery<AdminEmailCampaignResponse, FetchError>({
    queryKey: emailCampaignQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminEmailCampaignResponse>(`/admin/email-campaigns/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (isDueSoon(query.state.data?.email_campaign) ? DUE_POLL_MS : false),
  })
}

/** Creates a draft (no id) or updates one (with an id); templates are replaced by the ones sent. */
export function useSaveEmailCampaign() {
  const queryClient = useQueryClient()
  return useMutation<AdminEmailCampaignResponse, FetchError, { id?: string; body: AdminEmailCampaignPayload }>({
    mutationFn: ({ id, body }) =>
      sdk.client.fetch<AdminEmailCampaignResponse>(id ? `/admin/email-campaigns/${id}` : "/admin/email-campaigns", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emailCampaignQueryKeys.data() }),
  })
}

/** Deletes a draft or cancelled campaign. */
export function useDeleteEmailCampaign() {
  const queryClient = useQueryClient()
  return useMutation<AdminEmailCampaignDeleteResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch<AdminEmailCampaignDeleteResponse>(`/admin/email-campaigns/${id}`, { method: "DELETE" }),
    onSuccess: (_deleted, id) => {
      // Forgotten, not refetched: the page still showing it would only get 404s.
      for (const key of [emailCampaignQueryKeys.detail(id), emailCampaignQueryKeys.progress(id), emailCampaignQueryKeys.report(id)]) {
        queryClient.removeQueries({ queryKey: key })
      }
      return queryClient.invalidateQueries({ queryKey: emailCampaignQueryKeys.lists() })
    },
  })
}

/** Schedules (now or at `send_at`), pauses, resumes or cancels a campaign. */
export function useChangeEmailCampaignStatus() {
  const queryClient = useQueryClient()
  return useMutation<AdminEmailCampaignResponse, FetchError, { id: string; body: AdminEmailCampaignStatusPayload }>({
    mutationFn: ({ id, body }) =>
      sdk.client.fetch<AdminEmailCampaignResponse>(`/admin/email-campaigns/${id}/status`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emailCampaignQueryKeys.data() }),
  })
}

/**
 * Sent / failed / remaining of a campaign, every 2 s while it sends. When the worker moves the
 * campaign on (sent, or paused by another admin), the campaign and its report are read again.
 */
export function useEmailCampaignProgress(id: string, campaignStatus: CampaignStatus, { enabled = true }: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient()
  const query = useQuery<AdminEmailCampaignProgressResponse, FetchError>({
    queryKey: emailCampaignQueryKeys.progress(id),
    queryFn: () => sdk.client.fetch<AdminEmailCampaignProgressResponse>(`/admin/email-campaigns/${id}/progress`),
    enabled,
    refetchInterval: (q) => ((q.state.data?.status ?? campaignStatus) === "sending" ? PROGRESS_POLL_MS : false),
  })
  const seen = query.data?.status
  useEffect(() => {
    if (seen && seen !== campaignStatus) {
      void queryClient.invalidateQueries({ queryKey: emailCampaignQueryKeys.detail(id) })
      void queryClient.invalidateQueries({ queryKey: emailCampaignQueryKeys.report(id) })
    }
  }, [seen, campaignStatus, id, queryClient])
  return query
}

/** A campaign's report; read again every 10 s while it sends. */
export function useEmailCampaignReport(id: string, { enabled = true, live = false }: { enabled?: boolean; live?: boolean } = {}) {
  return useQuery<AdminEmailCampaignReportResponse, FetchError>({
    queryKey: emailCampaignQueryKeys.report(id),
    queryFn: () => sdk.client.fetch<AdminEmailCampaignReportResponse>(`/admin/email-campaigns/${id}/report`),
    enabled,
    refetchInterval: live ? REPORT_POLL_MS : false,
  })
}

/**
 * The reports of the campaigns on a list page that have started (sent, clicked, revenue per row):
 * one request each, as the list route carries no figures.
 */
export function useEmailCampaignReports(campaigns: EmailCampaign[]) {
  const started = campaigns.filter((c) => c.started_at)
  const results = useQueries({
    queries: started.map((c) => ({
      queryKey: emailCampaignQueryKeys.report(c.id),
      queryFn: () => sdk.client.fetch<AdminEmailCampaignReportResponse>(`/admin/email-campaigns/${c.id}/report`),
      staleTime: 30_000,
    })),
  })
  return new Map(started.map((c, i) => [c.id, results[i]?.data]))
}

/** The message a chosen customer would get, as the campaign is saved; a 400 (no such customer or language) is not retried. */
export function useEmailCampaignPreview(id: string | undefined, customerId: string | null, language: string | null) {
  return useQuery<AdminEmailCampaignPreviewResponse, FetchError>({
    queryKey: emailCampaignQueryKeys.preview(id ?? "", customerId, language),
    queryFn: () =>
      sdk.client.fetch<AdminEmailCampaignPreviewResponse>(`/admin/email-campaigns/${id}/preview`, {
        query: { customer_id: customerId, ...(language ? { language } : {}) },
      }),
    enabled: !!id && !!customerId,
    placeholderData: keepPreviousData,
    retry: false,
  })
}

/** Sends that message to a test address (nothing counts it as a recipient). */
export function useSendTestEmailCampaign() {
  return useMutation<AdminEmailCampaignTestSendResponse, FetchError, { id: string; body: AdminEmailCampaignTestSendPayload }>({
    mutationFn: ({ id, body }) =>
      sdk.client.fetch<AdminEmailCampaignTestSendResponse>(`/admin/email-campaigns/${id}/test-send`, { method: "POST", body }),
  })
}

const segmentOption = (segment: Segment): PickerOption => ({
  value: segment.id,
  label: segment.name,
  hint: `${segment.member_count} ${segment.member_count === 1 ? "member" : "members"}`,
})

/** Segments named like what the merchant typed (the first 20 when empty), for the segment picker. */
export function useSegmentSearch(term: string) {
  const q = term.trim()
  return useQuery<PickerOption[], FetchError>({
    queryKey: emailCampaignQueryKeys.lookup("segments", q),
    queryFn: async () => {
      const { segments } = await sdk.client.fetch<{ segments: Segment[] }>("/admin/segments", { query: { limit: 20, ...(q ? { q } : {}) } })
      return segments.map(segmentOption)
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}

/** The segments of the given ids, by id (deleted ones are absent): names and member counts. */
export function useSegmentsById(ids: string[]) {
  const wanted = [...new Set(ids.filter(Boolean))].sort()
  return useQuery<Map<string, Segment>, FetchError>({
    queryKey: emailCampaignQueryKeys.lookup("segments-by-id", wanted),
    queryFn: async () => {
      const { segments } = await sdk.client.fetch<{ segments: Segment[] }>("/admin/segments", { query: { id: wanted, limit: wanted.length } })
      return new Map(segments.map((segment) => [segment.id, segment]))
    },
    enabled: wanted.length > 0,
    staleTime: 30_000,
  })
}

type CustomerRow = { id: string; email: string | null; first_name: string | null; last_name: string | null }

const customerOption = (customer: CustomerRow): PickerOption => ({
  value: customer.id,
  label: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || customer.id,
  hint: customer.email ?? undefined,
})

/** Customers matching what the merchant typed (Medusa's `q` reads names and e-mails), for the preview. */
export function useCustomerSearch(term: string) {
  const q = term.trim()
  return useQuery<PickerOption[], FetchError>({
    queryKey: emailCampaignQueryKeys.lookup("customers", q),
    queryFn: async () => {
      const { customers } = await sdk.client.fetch<{ customers: CustomerRow[] }>("/admin/customers", {
        query: { fields: "id,email,first_name,last_name", limit: 10, ...(q ? { q } : {}) },
      })
      return customers.map(customerOption)
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}

/** Names the customer chosen for the preview (it may not be on the current search page). */
export function useCustomerName(id: string | null) {
  return useQuery<PickerOption | null, FetchError>({
    queryKey: emailCampaignQueryKeys.lookup("customer", id),
    queryFn: async () => {
      const { customer } = await sdk.client.fetch<{ customer: CustomerRow }>(`/admin/customers/${id}`, {
        query: { fields: "id,email,first_name,last_name" },
      })
      return customer ? customerOption(customer) : null
    },
    enabled: !!id,
    staleTime: 60_000,
  })
}

/** The first member of a segment: whom the preview is rendered for until the merchant picks someone. */
export function useFirstSegmentMember(segmentId: string | undefined) {
  return useQuery<string | null, FetchError>({
    queryKey: emailCampaignQueryKeys.lookup("first-member", segmentId),
    queryFn: async () => {
      const { members } = await sdk.client.fetch<{ members: { customer_id: string }[] }>(`/admin/segments/${segmentId}/members`, {
        query: { limit: 1 },
      })
      return members[0]?.customer_id ?? null
    },
    enabled: !!segmentId,
    staleTime: 60_000,
  })
}
