import type { CurrencyLift } from "../../email-campaigns/utils/incrementality"

export type AutomationCounts = { entered: number; active: number; completed: number; exited: number; holdout: number; sent: number }

export type AutomationReport = {
  automation_id: string
  attribution_days: number
  entered: { total: number; treated: number; holdout: number }
  in_progress: number
  completed: number
  exited: Record<string, number>
  messages: { sent: number; suppressed: Record<string, number>; failed: number }
  /** Step outcomes by place in the flat program; `path` names the place in the step tree, `branch` a split's answer. */
  steps: { step_index: number; path: string | null; step_type: string; outcome: string; branch: "yes" | "no" | null; count: number }[]
  /** Orders within the attribution window after entering, per currency. */
  conversions: { currency_code: string; treated_buyers: number; treated_revenue: string; holdout_buyers: number; holdout_revenue: string }[]
  /** Treated vs holdout, computed as for e-mail campaigns. */
  lift: CurrencyLift[]
}
