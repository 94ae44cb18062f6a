/** The management reports' JSON, as the admin reads it (numeric amounts arrive as text). */

export type ReportName =
  | "customers"
  | "cohort-retention"
  | "lifetime-value"
  | "rfm-grid"
  | "sales-reps"
  | "points-liability"
  | "marketing-revenue"

export type ReportQuery = Record<string, string | number | undefined>

export type CustomersReport = {
  months: { month: string; signups: number; new_customers: number; returning_customers: number; active_customers: number; orders: number }[]
  repeat_purchase: { buyers: number; repeat_buyers: number; rate: number | null }
}

export type CohortRetentionReport = {
  cohorts: { cohort: string; customers: number; months: { month_offset: number; active_customers: number; retention: number }[] }[]
}

export type LifetimeValueReport = {
  cohorts: {
    cohort: string
    currency_code: string
    customers: number
    revenue: string
    value_per_customer: string
    months: { month_offset: number; cumulative_revenue: string; value_per_customer: string }[]
  }[]
}

export type RfmGridReport = {
  cells: { r: number; f: number; customers: number; revenue: { currency_code: string; amount: string }[] }[]
  unscored_customers: number
}

export type SalesRepsReport = {
  by: "account_manager" | "customer_metadata"
  reps: { sales_rep: string | null; customers: number; new_customers: number; revenue: { currency_code: string; orders: number; amount: string }[] }[]
}

export type PointsLiabilityReport = {
  liability: { currency_code: string | null; available_points: number; pending_points: number; points: number; value: string }[]
  months: { month: string; issued: number; redeemed: number; expired: number; reversed: number; adjusted_down: number }[]
}

type Revenue = { orders: number; amount: string }
export type MarketingRevenueReport = {
  months: { month: string; currency_code: string; store: Revenue; campaigns: Revenue; reminders: Revenue }[]
  campaigns: { campaign_id: string; name: string | null; currency_code: string; orders: number; amount: string }[]
}
