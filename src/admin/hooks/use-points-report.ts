import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { loyaltyQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AdminPointsReportParams, AdminPointsReportResponse } from "../lib/types"

/** Points issued / redeemed / expired / reversed per period, and the liability per currency now. */
export function usePointsReport(params: AdminPointsReportParams) {
  return useQuery<AdminPointsReportResponse, FetchError>({
    queryKey: loyaltyQueryKeys.report(params),
    queryFn: () => sdk.client.fetch<AdminPointsReportResponse>("/admin/loyalty/report", { query: params }),
    placeholderData: keepPreviousData,
  })
}
