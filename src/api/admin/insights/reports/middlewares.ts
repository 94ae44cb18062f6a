import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import {
  AdminCohortReportParams,
  AdminReportPeriodParams,
  AdminReportSnapshotParams,
  AdminSalesRepReportParams,
} from "./validators"

const PARAMS: Record<string, z.ZodType> = {
  customers: AdminReportPeriodParams,
  "cohort-retention": AdminCohortReportParams,
  "lifetime-value": AdminCohortReportParams,
  "rfm-grid": AdminReportSnapshotParams,
  "sales-reps": AdminSalesRepReportParams,
  "points-liability": AdminReportPeriodParams,
  "marketing-revenue": AdminReportPeriodParams,
}

/** Each management report and its CSV export validate the same query. */
export const adminInsightsReportsMiddlewares: MiddlewareRoute[] = Object.entries(PARAMS).flatMap(([name, schema]) =>
  [`/admin/insights/reports/${name}`, `/admin/insights/reports/${name}/export.csv`].map((matcher) => ({
    methods: ["GET" as const],
    matcher,
    middlewares: [validateAndTransformQuery(schema, {})],
  }))
)
