import type { AutomationStep, AutomationTrigger } from "./definition/schema"
import type { ResolvedReferences } from "../segments/definition/references"
import type { SegmentNode } from "../segments/definition/schema"

export type AutomationsOptions = {
  /** Minutes a runner's claim on a journey lasts before another run may take it over. */
  leaseMinutes?: number
  /** Journeys claimed per batch by the runner. */
  batchSize?: number
  /** Carts abandoned longer ago than this (hours) are not chased, unless a trigger says otherwise. */
  cartMaxAgeHours?: number
  /** Public base URL for links in e-mails. */
  publicUrl?: string
}

export type ResolvedAutomationsOptions = Required<AutomationsOptions>

export const AUTOMATION_DEFAULTS: ResolvedAutomationsOptions = {
  leaseMinutes: 15,
  batchSize: 500,
  cartMaxAgeHours: 72,
  publicUrl: "http://localhost:9000",
}

export type AutomationRow = {
  id: string
  name: string
  is_active: boolean
  trigger: AutomationTrigger
  conditions: SegmentNode | null
  steps: AutomationStep[]
  exit_on_order: boolean
  reentry: "once" | "every_n_days"
  reentry_days: number | null
  holdout_percent: number
  attribution_days: number
}

/** An automation ready to take entries: its conditions' references resolved. */
export type EnterableAutomation = AutomationRow & { references: ResolvedReferences | null }

export type JourneyEntry = {
  customer_id: string
  /** Unique per automation: the same trigger event twice gives the same key. */
  entry_key: string
  /** Orders placed after this end the journey (default: when it enters). */
  exit_orders_after?: Date
  context?: Record<string, unknown>
}

export type JourneyRow = {
  id: string
  automation_id: string
  customer_id: string
  entry_key: string
  status: "active" | "completed" | "exited"
  exit_reason: string | null
  is_holdout: boolean
  step_index: number
  next_run_at: Date | null
  claimed_at: Date | null
  claim_token: string | null
  attempts: number
  entered_at: Date
  exit_orders_after: Date
  context: Record<string, unknown> | null
}

export type StepRunRow = {
  id: string
  journey_id: string
  step_index: number
  step_type: string
  outcome: "waited" | "done" | "held_out" | "suppressed" | "failed"
  reason: string | null
  detail: Record<string, unknown> | null
  run_at: Date
}
