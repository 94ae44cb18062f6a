/**
 * The report page's chart data, from GET /admin/email-campaigns/:id/report. The server gives 95 %
 * intervals for the treated − holdout *differences*; a comparison chart draws that interval as
 * the whisker of the treated bar, placed on the holdout's level, so a whisker reaching below the
 * holdout bar reads as "no effect the holdout could tell apart from zero". Amounts stay per currency.
 */
import type { AdminEmailCampaignReportResponse, CurrencyLift, Interval } from "./email-campaign-types"

export type FunnelStep = { key: string; label: string; value: number; ofPrevious: number | null }

/** Audience → sent → delivered → opened → clicked → attributed orders (all currencies' orders counted). */
export function funnelSteps(report: AdminEmailCampaignReportResponse): FunnelStep[] {
  const { counts } = report
  const orders = report.attributed.reduce((sum, row) => sum + row.orders, 0)
  const raw: [string, string, number][] = [
    ["audience", "Audience", counts.audience],
    ["sent", "Sent", counts.sent],
    ["delivered", "Delivered", counts.delivered],
    ["opened", "Opened", counts.opened],
    ["clicked", "Clicked", counts.clicked],
    ["orders", "Orders", orders],
  ]
  return raw.map(([key, label, value], i) => {
    const previous = i ? raw[i - 1][2] : null
    return { key, label, value, ofPrevious: previous ? value / previous : null }
  })
}

/** A bar with an optional asymmetric whisker, as recharts' ErrorBar reads it: `[below, above]` the value. */
export type WhiskerBar = { label: string; value: number | null; whisker: [number, number] | null; range: Interval }

const whiskerAround = (value: number, low: number, high: number): [number, number] => [Math.max(0, value - low), Math.max(0, high - value)]

/**
 * Treated and holdout side by side for conversion rate or revenue per recipient. The treated bar
 * carries the difference's interval shifted by the holdout's value (its estimate is exactly the
 * treated value); null when there is no holdout to compare with.
 */
export function comparisonBars(lift: CurrencyLift, metric: "conversion_rate" | "revenue_per_recipient"): WhiskerBar[] {
  const difference = metric === "conversion_rate" ? lift.conversion_difference : lift.revenue_per_recipient_difference
  const treated = lift.treatment[metric]
  const holdout = lift.holdout[metric]
  const range = difference ? { estimate: treated, low: holdout + difference.low, high: holdout + difference.high } : null
  return [
    { label: "Treated", value: treated, whisker: range ? whiskerAround(treated, range.low, range.high) : null, range },
    { label: "Holdout", value: lift.holdout.recipients ? holdout : null, whisker: null, range: null },
  ]
}

/**
 * What the campaign was credited with (orders after a click, net of refunds) beside what it added
 * against the holdout (incremental revenue, with its interval): the gap is what attribution alone
 * over- or under-states.
 */
export function revenueBars(lift: CurrencyLift | undefined, attributedRevenue: number | null): WhiskerBar[] {
  const incremental = lift?.incremental_revenue ?? null
  return [
    { label: "Attributed", value: attributedRevenue, whisker: null, range: null },
    {
      label: "Incremental",
      value: incremental ? incremental.estimate : null,
      whisker: incremental ? whiskerAround(incremental.estimate, incremental.low, incremental.high) : null,
      range: incremental,
    },
  ]
}

export type CurrencySection = {
  currency_code: string
  lift: CurrencyLift | undefined
  attributed: { orders: number; revenue: number } | null
}

/** One section per currency that has attributed orders or orders from either group in the window. */
export function currencySections(report: AdminEmailCampaignReportResponse): CurrencySection[] {
  const codes = [...new Set([...report.lift.map((l) => l.currency_code), ...report.attributed.map((a) => a.currency_code)])].sort()
  return codes.map((currency_code) => {
    const attributed = report.attributed.find((a) => a.currency_code === currency_code)
    return {
      currency_code,
      lift: report.lift.find((l) => l.currency_code === currency_code),
      attributed: attributed ? { orders: attributed.orders, revenue: attributed.revenue } : null,
    }
  })
}

const percentFormat = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 })
const signedPercentFormat = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" })

/** 0.0234 → "2.3%". */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : percentFormat.format(value)
}

/** 0.12 → "+12%" (relative lift, differences of rates). */
export function formatSignedRate(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : signedPercentFormat.format(value)
}

/** "estimate (95 %: low to high)" with the given formatter, or what to say without a holdout. */
export function formatInterval(interval: Interval, format: (value: number) => string): string {
  if (!interval) {
    return "no holdout to compare with"
  }
  return `${format(interval.estimate)} (95 % interval ${format(interval.low)} to ${format(interval.high)})`
}

/** Whether an interval leaves zero out: the effect is distinguishable from none at 95 %. */
export function isSignificant(interval: Interval): boolean {
  return !!interval && (interval.low > 0 || interval.high < 0)
}
