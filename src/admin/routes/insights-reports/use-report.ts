import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { ReportName, ReportQuery } from "./types"

/** Drops unset parameters, so the server applies its defaults. */
export const cleanQuery = (query: ReportQuery) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))

/** One management report as JSON; the previous figures stay on screen while new parameters load. */
export function useReport<T>(name: ReportName, query: ReportQuery) {
  const params = cleanQuery(query)
  return useQuery<T, FetchError>({
    queryKey: ["insights-reports", name, params],
    queryFn: () => sdk.client.fetch<T>(`/admin/insights/reports/${name}`, { query: params }),
    placeholderData: keepPreviousData,
  })
}
