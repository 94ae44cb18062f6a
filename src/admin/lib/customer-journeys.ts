/** One of a customer's journeys through an automation, as GET /admin/automations/customers/:id answers it. */
export type CustomerJourney = {
  id: string
  automation_id: string
  automation_name: string
  status: "active" | "completed" | "exited"
  exit_reason: string | null
  is_holdout: boolean
  step_index: number
  next_run_at: string | null
  entered_at: string
  ended_at: string | null
}

// The reasons the journey runner writes (src/workflows/automations/steps/run-due-journeys.ts); any other is shown as written.
const EXIT_REASONS: Record<string, string> = {
  order_placed: "Placed an order",
  automation_off: "Automation switched off",
  no_email: "No e-mail address",
  no_consent: "No e-mail consent",
  unsubscribed: "Unsubscribed",
}

/** An exit reason in words ("order_placed" → "Placed an order"). */
export function exitReasonLabel(reason: string | null): string {
  if (!reason) {
    return "—"
  }
  return EXIT_REASONS[reason] ?? reason.replace(/_/g, " ")
}

/** The badge colour of a journey's status. */
export function journeyStatusColor(status: CustomerJourney["status"]): "green" | "grey" | "orange" {
  return status === "active" ? "green" : status === "exited" ? "orange" : "grey"
}
