import quantile from "@stdlib/stats-base-dists-normal-quantile"
import type { GroupOutcome } from "../types"

export type Interval = { estimate: number; low: number; high: number } | null

export type CurrencyLift = {
  currency_code: string
  treatment: { recipients: number; buyers: number; conversion_rate: number; revenue: number; revenue_per_recipient: number }
  holdout: { recipients: number; buyers: number; conversion_rate: number; revenue: number; revenue_per_recipient: number }
  /** Treatment − holdout conversion rate, with its 95 % interval. */
  conversion_difference: Interval
  /** Treatment − holdout revenue per recipient, with its 95 % interval. */
  revenue_per_recipient_difference: Interval
  /** That difference × the treated recipients: the revenue the campaign added. */
  incremental_revenue: Interval
  /** The difference relative to the holdout's revenue per recipient (delta method). */
  relative_lift: Interval
}

const Z95 = quantile(0.975, 0, 1)

/** Mean and sample variance of a per-recipient quantity from its count, sum and sum of squares (non-buyers count as 0). */
function moments(n: number, sum: number, sumSq: number) {
  const mean = n ? sum / n : 0
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0
  return { mean, variance }
}

const interval = (estimate: number, se: number): Interval =>
  Number.isFinite(se) ? { estimate, low: estimate - Z95 * se, high: estimate + Z95 * se } : null

/**
 * Treated vs holdout per currency, intention-to-treat within the attribution window after sending:
 * differences of conversion rate and of revenue per recipient with 95 % normal-approximation
 * intervals (unpooled standard errors, as Welch's), incremental revenue, and relative lift by the
 * delta method. Without a holdout (or with an empty one) the differences are null.
 */
export function compareGroups(outcomes: GroupOutcome[]): CurrencyLift[] {
  const recipients = (group: "treatment" | "holdout") => outcomes.find((o) => o.group === group)?.recipients ?? 0
  const currencies = [...new Set(outcomes.map((o) => o.currency_code).filter((c): c is string => !!c))].sort()
  return currencies.map((currency_code) => {
    const side = (group: "treatment" | "holdout") => {
      const rows = outcomes.filter((o) => o.group === group && o.currency_code === currency_code)
      const n = recipients(group)
      const buyers = rows.reduce((s, r) => s + r.buyers, 0)
      const revenue = rows.reduce((s, r) => s + r.revenue, 0)
      const revenueSq = rows.reduce((s, r) => s + r.revenue_sq, 0)
      return { n, buyers, revenue, ...moments(n, revenue, revenueSq) }
    }
    const t = side("treatment")
    const h = side("holdout")
    const summary = (s: ReturnType<typeof side>) => ({
      recipients: s.n,
      buyers: s.buyers,
      conversion_rate: s.n ? s.buyers / s.n : 0,
      revenue: Math.round(s.revenue * 100) / 100,
      revenue_per_recipient: s.mean,
    })
    const comparable = t.n > 0 && h.n > 0
    const pt = t.n ? t.buyers / t.n : 0
    const ph = h.n ? h.buyers / h.n : 0
    const diff = t.mean - h.mean
    const seDiff = Math.sqrt(t.variance / Math.max(t.n, 1) + h.variance / Math.max(h.n, 1))
    const seLift = h.mean > 0 ? Math.sqrt(t.variance / (t.n * h.mean ** 2) + (t.mean ** 2 * h.variance) / (h.n * h.mean ** 4)) : NaN
    return {
      currency_code,
      treatment: summary(t),
      holdout: summary(h),
      conversion_difference: comparable ? interval(pt - ph, Math.sqrt((pt * (1 - pt)) / t.n + (ph * (1 - ph)) / h.n)) : null,
      revenue_per_recipient_difference: comparable ? interval(diff, seDiff) : null,
      incremental_revenue: comparable ? interval(diff * t.n, seDiff * t.n) : null,
      relative_lift: comparable && h.mean > 0 ? interval(diff / h.mean, seLift) : null,
    }
  })
}
