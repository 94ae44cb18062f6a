import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { ManagementReport } from "./report"
import type { ReportPeriodParams } from "./report"

export type PointsLiabilityReport = {
  /** Points outstanding now (available and pending, not expired) per earning currency, valued at the redemption value. */
  liability: { currency_code: string | null; available_points: number; pending_points: number; points: number; value: string }[]
  /** Points issued and taken back per month of the period. */
  months: { month: string; issued: number; redeemed: number; expired: number; reversed: number; adjusted_down: number }[]
}

/**
 * Points liability: outstanding points × their redemption value, per currency, and the monthly
 * flow behind it. The loyalty module owns both rules (lots, expiry, `redemption.valuePerPoint`);
 * this report only shapes its points report.
 */
export const pointsLiabilityReport: ManagementReport<ReportPeriodParams, PointsLiabilityReport> = {
  async run(container, { from, to }) {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const report = await loyalty.pointsReport({ from, to, interval: "month" })
    return {
      liability: report.liability.map((l) => ({
        currency_code: l.currency_code,
        available_points: l.available,
        pending_points: l.pending,
        points: l.available + l.pending,
        value: l.amount.toFixed(2),
      })),
      months: report.periods.map(({ period, ...flow }) => ({ month: period.toISOString().slice(0, 7), ...flow })),
    }
  },
  csv: {
    columns: ["currency_code", "available_points", "pending_points", "points", "value"],
    records: (r) => r.liability,
  },
}
