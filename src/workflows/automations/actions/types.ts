import type { StepRunRow } from "../../../modules/automations/types"

/** What an action step did: its recorded outcome, and what later steps may use (a promotion code). */
export type ActionOutcome = {
  outcome: StepRunRow["outcome"]
  reason?: string | null
  detail?: Record<string, unknown> | null
}

/** The customer an action acts for, as the facts know them, and the journey's context. */
export type ActionTarget = {
  journey_id: string
  automation_id: string
  automation_name: string
  customer_id: string
  step_index: number
  /** Unique per journey and step: the idempotency key of whatever the action creates. */
  key: string
  context: Record<string, unknown>
  now: Date
}
