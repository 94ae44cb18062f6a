import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminCustomerRemindersResponse,
  AdminCycleSuggestionResponse,
  AdminReminderReportResponse,
  AdminReminderRuleResponse,
  AdminReminderRulesResponse,
  AdminRunRemindersResponse,
  AdminUpcomingRemindersResponse,
  ReminderRulePayload,
} from "../components/reminders/types"
import { downloadDocument } from "../lib/fetch-document"
import { sdk } from "../lib/sdk"
import { createCrudHooks } from "./crud"

/** React Query keys of the reminders screens: a rule change or a send run invalidates all of them. */
export const reminderQueryKeys = {
  all: ["reminders"] as const,
  rules: () => [...reminderQueryKeys.all, "rules"] as const,
  ruleList: (query: Record<string, unknown>) => [...reminderQueryKeys.rules(), "list", query] as const,
  suggestion: (query: Record<string, unknown>) => [...reminderQueryKeys.all, "suggestion", query] as const,
  upcoming: (query: Record<string, unknown>) => [...reminderQueryKeys.all, "upcoming", query] as const,
  report: (query: Record<string, unknown>) => [...reminderQueryKeys.all, "report", query] as const,
  customer: (customerId: string) => [...reminderQueryKeys.all, "customer", customerId] as const,
  variantProduct: (variantId: string) => [...reminderQueryKeys.all, "variant-product", variantId] as const,
}

/** Reminder rules: a page (newest first), save, delete (sent reminders stay in the report). */
export const {
  useList: useReminderRules,
  useSave: useSaveReminderRule,
  useDelete: useDeleteReminderRule,
} = createCrudHooks<AdminReminderRulesResponse, AdminReminderRuleResponse, ReminderRulePayload, "reminder_rule">({
  path: "/admin/reminders/rules",
  // Every reminders screen: a rule change moves upcoming reminders and the report too.
  keys: { all: () => reminderQueryKeys.all, list: reminderQueryKeys.ruleList },
})

export type CycleSuggestionParams = {
  product_id: string | null
  variant_id: string | null
  substitute_product_ids: string[]
  substitute_variant_ids: string[]
}

/** The learned cycle of what a rule would cover (median gap per unit and its sample), before it is saved. */
export function useCycleSuggestion(params: CycleSuggestionParams) {
  const query = {
    product_id: params.product_id ?? undefined,
    variant_id: params.variant_id ?? undefined,
    substitute_product_ids: params.substitute_product_ids.length ? params.substitute_product_ids.join(",") : undefined,
    substitute_variant_ids: params.substitute_variant_ids.length ? params.substitute_variant_ids.join(",") : undefined,
  }
  return useQuery<AdminCycleSuggestionResponse, FetchError>({
    queryKey: reminderQueryKeys.suggestion(query),
    queryFn: () => sdk.client.fetch<AdminCycleSuggestionResponse>("/admin/reminders/cycle-suggestion", { query }),
    enabled: !!params.product_id,
    staleTime: 5 * 60_000,
  })
}

/** The product a variant belongs to (a rule on a variant names both). */
export function useVariantProduct(variantId: string | null) {
  return useQuery<string | null, FetchError>({
    queryKey: reminderQueryKeys.variantProduct(variantId ?? ""),
    queryFn: async () => {
      const { variants } = await sdk.client.fetch<{ variants: { id: string; product_id: string | null }[] }>("/admin/product-variants", {
        query: { id: [variantId], fields: "id,product_id", limit: 1 },
      })
      return variants[0]?.product_id ?? null
    },
    enabled: !!variantId,
    staleTime: Infinity,
  })
}

export type UpcomingParams = { days: number; rule_id?: string; limit: number; offset: number }

/** Reminders due in the next `days` days, soonest first, with their customers. */
export function useUpcomingReminders(params: UpcomingParams) {
  return useQuery<AdminUpcomingRemindersResponse, FetchError>({
    queryKey: reminderQueryKeys.upcoming(params),
    queryFn: () => sdk.client.fetch<AdminUpcomingRemindersResponse>("/admin/reminders/upcoming", { query: params }),
    placeholderData: keepPreviousData,
  })
}

/** Downloads the upcoming reminders as CSV (streamed by the server, every row). */
export function exportUpcomingReminders(params: { days: number; rule_id?: string }) {
  return downloadDocument("/admin/reminders/upcoming/export.csv", params, `upcoming-reminders-${params.days}d.csv`)
}

export type ReportParams = { from: string; to: string; rule_id?: string }

/** Outcomes by reason, conversion and reorder revenue per currency for a period. */
export function useReminderReport(params: ReportParams) {
  return useQuery<AdminReminderReportResponse, FetchError>({
    queryKey: reminderQueryKeys.report(params),
    queryFn: () => sdk.client.fetch<AdminReminderReportResponse>("/admin/reminders/report", { query: params }),
    placeholderData: keepPreviousData,
  })
}

/** One customer's coverage per rule with their next and last reminders. */
export function useCustomerReminders(customerId: string) {
  return useQuery<AdminCustomerRemindersResponse, FetchError>({
    queryKey: reminderQueryKeys.customer(customerId),
    queryFn: () => sdk.client.fetch<AdminCustomerRemindersResponse>(`/admin/reminders/customers/${customerId}`),
  })
}

/** Runs the hourly send now; every reminders screen is read again afterwards. */
export function useRunReminders() {
  const queryClient = useQueryClient()
  return useMutation<AdminRunRemindersResponse, FetchError, void>({
    mutationFn: () => sdk.client.fetch<AdminRunRemindersResponse>("/admin/reminders/run", { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reminderQueryKeys.all }),
  })
}
