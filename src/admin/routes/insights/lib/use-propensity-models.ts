import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../../lib/sdk"
import type { PropensityModel, PropensityModelPayload, PropensityScore } from "./types"

export const propensityQueryKeys = {
  all: ["insights", "propensity-models"] as const,
  list: () => [...propensityQueryKeys.all, "list"] as const,
  one: (id: string) => [...propensityQueryKeys.all, "one", id] as const,
  customers: (id: string, query: { limit: number; offset: number }) => [...propensityQueryKeys.one(id), "customers", query] as const,
}

// The worker trains in the background: a model still pending or running is asked for again.
const whileTraining = (models: PropensityModel[] | undefined) =>
  models?.some((m) => m.status === "pending" || m.status === "running") ? 5_000 : false

/** The propensity models, newest first (refetched every 5 s while one trains). */
export function usePropensityModels() {
  return useQuery<{ propensity_models: PropensityModel[]; count: number }, FetchError>({
    queryKey: propensityQueryKeys.list(),
    queryFn: () => sdk.client.fetch("/admin/insights/propensity-models"),
    refetchInterval: (query) => whileTraining(query.state.data?.propensity_models),
  })
}

/** One model with its evaluation (refetched every 5 s while it trains). */
export function usePropensityModel(id: string | null) {
  return useQuery<{ propensity_model: PropensityModel }, FetchError>({
    queryKey: propensityQueryKeys.one(id ?? ""),
    queryFn: () => sdk.client.fetch(`/admin/insights/propensity-models/${id}`),
    enabled: !!id,
    refetchInterval: (query) => whileTraining(query.state.data ? [query.state.data.propensity_model] : undefined),
  })
}

/** A page of the model's ranking, most likely first. */
export function usePropensityCustomers(id: string | null, query: { limit: number; offset: number }, enabled: boolean) {
  return useQuery<{ customers: PropensityScore[]; count: number; limit: number; offset: number }, FetchError>({
    queryKey: propensityQueryKeys.customers(id ?? "", query),
    queryFn: () => sdk.client.fetch(`/admin/insights/propensity-models/${id}/customers`, { query }),
    enabled: !!id && enabled,
    placeholderData: keepPreviousData,
  })
}

/** The e-mails and names of the customers a ranking page lists (Medusa's customer list, by id). */
export function useCustomerNames(ids: string[]) {
  return useQuery({
    queryKey: ["insights", "customer-names", ids],
    queryFn: () => sdk.admin.customer.list({ id: ids, fields: "id,email,first_name,last_name", limit: ids.length }),
    enabled: ids.length > 0,
    select: (data) => new Map(data.customers.map((c) => [c.id, [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email])),
  })
}

/** Defines a model (the server answers 202, `pending`; the worker trains it). */
export function useCreatePropensityModel() {
  const queryClient = useQueryClient()
  return useMutation<{ propensity_model: PropensityModel }, FetchError, PropensityModelPayload>({
    mutationFn: (body) => sdk.client.fetch("/admin/insights/propensity-models", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propensityQueryKeys.all }),
  })
}

/** Asks the worker to retrain the model on today's facts and re-score everyone. */
export function useRetrainPropensityModel() {
  const queryClient = useQueryClient()
  return useMutation<{ propensity_model: PropensityModel }, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`/admin/insights/propensity-models/${id}/train`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propensityQueryKeys.all }),
  })
}

/** Saves the model's top K as a segment a campaign can target. */
export function useSavePropensitySegment() {
  const queryClient = useQueryClient()
  return useMutation<{ segment: { id: string; name: string } }, FetchError, { id: string; top_k: number; name?: string }>({
    mutationFn: ({ id, top_k, name }) => sdk.client.fetch(`/admin/insights/propensity-models/${id}/segment`, { method: "POST", body: { top_k, name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propensityQueryKeys.all }),
  })
}
