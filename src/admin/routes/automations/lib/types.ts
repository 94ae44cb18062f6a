/** What the admin automations routes answer (src/api/admin/automations). */
export type AutomationTrigger =
  | { type: "cart_abandoned"; hours: number; max_age_hours?: number }
  | { type: "win_back"; days: number }
  | { type: "segment_entered"; segment_id: string }
  | { type: "segment_exited"; segment_id: string }
  | { type: "order_placed"; nth: number }
  | { type: "tier_changed"; tier_id?: string; direction?: "up" | "down" }
  | { type: "points_expiring"; days: number }
  | { type: "anniversary"; date: "signup" | "metadata"; metadata_key?: string }
  | { type: "viewed_not_bought"; hours: number }
  | { type: "referral_converted"; side?: "referrer" | "referee" }

export type AutomationStep =
  | { type: "wait"; amount: number; unit: "hours" | "days" }
  | { type: "send_email"; template: string; subject?: string }
  | { type: "issue_promotion"; percentage?: number; amount?: number; currency_code?: string }
  | { type: "adjust_points"; points: number; reason?: string }
  | { type: "add_to_group"; customer_group_id: string }
  /** The customer's facts when the journey reaches it pick `yes` or `no`; both go on to the steps after it. */
  | { type: "split"; condition: Record<string, unknown>; yes: AutomationStep[]; no: AutomationStep[] }
  | { type: "end" }

/** One place of the flat program journeys walk (`step_index`), named by its path in the step tree. */
export type ProgramPlace = { index: number; type: AutomationStep["type"] | "jump"; path: string }

export type AutomationCounts = { entered: number; active: number; completed: number; exited: number; holdout: number; sent: number }

export type Automation = {
  id: string
  name: string
  is_active: boolean
  trigger: AutomationTrigger
  conditions: Record<string, unknown> | null
  steps: AutomationStep[]
  exit_on_order: boolean
  reentry: "once" | "every_n_days"
  reentry_days: number | null
  holdout_percent: number
  attribution_days: number
  counts?: AutomationCounts
  program?: ProgramPlace[]
}

export type AutomationPayload = Omit<Automation, "id" | "counts" | "program">

type Interval = { estimate: number; low: number; high: number } | null

export type AutomationReport = {
  entered: { total: number; treated: number; holdout: number }
  in_progress: number
  completed: number
  exited: Record<string, number>
  messages: { sent: number; suppressed: Record<string, number>; failed: number }
  steps: { step_index: number; path: string | null; step_type: string; outcome: string; branch: "yes" | "no" | null; count: number }[]
  conversions: { currency_code: string; treated_buyers: number; treated_revenue: string; holdout_buyers: number; holdout_revenue: string }[]
  lift: { currency_code: string; conversion_difference: Interval; incremental_revenue: Interval }[]
}
