/** What the reminders module's admin reads return (upcoming list, report, suggestion). */

/** A scheduled reminder due soon, with whom it goes to and the coverage it is about. */
export type UpcomingReminder = {
  id: string
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  rule_id: string
  rule_title: string | null
  product_id: string
  variant_id: string | null
  sequence: number
  due_at: Date
  /** When the coverage the reminder is about runs out. */
  coverage_end: Date
  cycle_days: number | null
  cycle_source: "rule" | "learned" | "personal" | null
  units: number | null
  last_purchase_at: Date | null
  last_quantity: number | null
}

/** Where a keyset page of upcoming reminders ends (they are ordered by due date, then id). */
export type UpcomingCursor = { due_at: Date; id: string }

/** Revenue of the reorders credited to reminders, in one currency. */
export type ReorderRevenue = {
  currency_code: string
  /** Sum of the reorder lines' net amounts (numeric, as text). */
  amount: string
  orders: number
  reminders: number
}

/** The reminders report of a period. */
export type ReminderReport = {
  from: Date
  to: Date
  rule_id: string | null
  window_days: number
  sent: number
  suppressed: Record<string, number>
  suppressed_total: number
  withdrawn: Record<string, number>
  withdrawn_total: number
  failed: number
  /** Sent reminders followed by a reorder within `window_days`. */
  converted: number
  /** converted / sent; null when nothing was sent. */
  conversion_rate: number | null
  revenue: ReorderRevenue[]
}

/** The learned cycle of products or variants: median gap per unit and how many gaps it came from. */
export type CycleSuggestion = { days_per_unit: number | null; sample_size: number }

/** One reminder as the customer views show it. */
export type ReminderSummary = {
  id: string
  rule_id: string
  rule_title: string | null
  status: "scheduled" | "claimed" | "sent" | "suppressed" | "withdrawn" | "failed"
  reason: string | null
  sequence: number
  due_at: Date
  coverage_end: Date
  sent_at: Date | null
  updated_at: Date
}

/** A customer's coverage under one rule, with the reminder to come and the last one. */
export type CoverageSummary = {
  rule_id: string
  rule_title: string | null
  product_id: string
  variant_id: string | null
  is_active: boolean
  covered_until: Date | null
  cycle_days: number | null
  cycle_source: "rule" | "learned" | "personal" | null
  units: number
  last_purchase_at: Date | null
  next_reminder: ReminderSummary | null
  last_reminder: ReminderSummary | null
}

/** Everything the reminders hold about one customer. */
export type CustomerReminders = {
  customer_id: string
  coverage: CoverageSummary[]
  /** Scheduled or being sent, soonest first. */
  upcoming: ReminderSummary[]
  /** The latest final ones (sent, suppressed, withdrawn, failed), newest first. */
  recent: ReminderSummary[]
}
