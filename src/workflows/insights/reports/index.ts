import { cohortRetentionReport } from "./cohort-retention"
import { customersReport } from "./customers"
import { lifetimeValueReport } from "./lifetime-value"
import { marketingRevenueReport } from "./marketing-revenue"
import { pointsLiabilityReport } from "./points-liability"
import type { ManagementReport } from "./report"
import { rfmGridReport } from "./rfm-grid"
import { salesRepsReport } from "./sales-reps"

/** Every management report by its name (the route segment under /admin/insights/reports). */
export const MANAGEMENT_REPORTS = {
  customers: customersReport,
  "cohort-retention": cohortRetentionReport,
  "lifetime-value": lifetimeValueReport,
  "rfm-grid": rfmGridReport,
  "sales-reps": salesRepsReport,
  "points-liability": pointsLiabilityReport,
  "marketing-revenue": marketingRevenueReport,
} satisfies Record<string, ManagementReport<never, object>>

export type ManagementReportName = keyof typeof MANAGEMENT_REPORTS
export type ManagementReportResult<N extends ManagementReportName> = Awaited<ReturnType<(typeof MANAGEMENT_REPORTS)[N]["run"]>>
