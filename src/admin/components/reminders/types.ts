/**
 * The reminders admin API as the dashboard sees it (JSON: dates are ISO strings). The read models
 * are the reminders module's own types, imported (types only: nothing of the server is bundled).
 */
import type {
  CoverageSummary,
  CustomerReminders,
  CycleSuggestion,
  ReminderReport,
  ReminderSummary,
  UpcomingReminder,
} from "../../../modules/reminders/utils/read-models"
import type { PaginatedResponse } from "../../lib/types"

/** What JSON makes of a server type: dates arrive as ISO strings. */
type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T

export type ReminderRule = {
  id: string
  product_id: string
  variant_id: string | null
  title: string | null
  days_per_unit: number | null
  lead_days: number
  substitute_product_ids: string[]
  substitute_variant_ids: string[]
  template: string
  max_reminders: number
  nudge_after_days: number
  use_personal_cycle: boolean
  is_active: boolean
  learned_days_per_unit: number | null
  learned_sample_size: number
  learned_at: string | null
  created_at: string
  updated_at: string
}

export type ReminderRulePayload = Partial<Omit<ReminderRule, "id" | "learned_days_per_unit" | "learned_sample_size" | "learned_at" | "created_at" | "updated_at">>

export type AdminReminderRulesResponse = PaginatedResponse & { reminder_rules: ReminderRule[] }
export type AdminReminderRuleResponse = { reminder_rule: ReminderRule }

export type CycleSuggestionJson = Jsonified<CycleSuggestion>
export type AdminCycleSuggestionResponse = { suggestion: CycleSuggestionJson }

export type UpcomingReminderJson = Jsonified<UpcomingReminder>
export type AdminUpcomingRemindersResponse = PaginatedResponse & { days: number; reminders: UpcomingReminderJson[] }

export type ReminderReportJson = Jsonified<ReminderReport>
export type AdminReminderReportResponse = { report: ReminderReportJson }

export type ReminderSummaryJson = Jsonified<ReminderSummary>
export type CoverageSummaryJson = Jsonified<CoverageSummary>
export type AdminCustomerRemindersResponse = { reminders: Jsonified<CustomerReminders> }

/** What one send run did (the send-due-reminders workflow's result). */
export type AdminRunRemindersResponse = { run: { claimed: number; sent: number; failed: number; suppressed: Record<string, number> } }
