import type { MedusaContainer } from "@medusajs/framework/types"

/** One management report (named by its key in MANAGEMENT_REPORTS): how it runs and how it flattens into CSV records. */
export type ManagementReport<Params, Result> = {
  run: (container: MedusaContainer, params: Params) => Promise<Result>
  csv: { columns: readonly string[]; records: (result: Result) => Record<string, unknown>[] }
}

/** A period [from, to) of whole instants (UTC). */
export type ReportPeriodParams = { from: Date; to: Date }
/** Cohorts by first-order month in the period, followed for `months` months after their first. */
export type CohortReportParams = ReportPeriodParams & { months: number }
export const SALES_REP_SOURCES = ["account_manager", "customer_metadata"] as const
/** Sales representatives: a B2B company's account manager, or a key of the customer's metadata. */
export type SalesRepReportParams = ReportPeriodParams & { by: (typeof SALES_REP_SOURCES)[number]; metadata_key: string }
/** A snapshot of now: no parameters. */
export type SnapshotReportParams = Record<string, never>

/** A money amount per currency, numeric as text (amounts are never summed across currencies). */
export type CurrencyAmount = { currency_code: string; amount: string }

/** `YYYY-MM` month labels (UTC) in SQL; months of a period come from `generate_series`. */
export const MONTHS_SQL = `select generate_series(date_trunc('month', ?::timestamptz at time zone 'UTC'),
  (?::timestamptz at time zone 'UTC') - interval '1 microsecond', interval '1 month') as month`
export const monthLabel = (column: string) => `to_char(${column}, 'YYYY-MM')`
export const utcMonth = (column: string) => `date_trunc('month', ${column} at time zone 'UTC')`
