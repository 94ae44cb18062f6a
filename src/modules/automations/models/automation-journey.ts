import { model } from "@medusajs/framework/utils"

export const JOURNEY_STATUSES = ["active", "completed", "exited"] as const

/**
 * One customer's way through one automation, once per entry key (the cart, the order, the
 * segment entry...): the same trigger twice finds the journey already there. A journey waits as a
 * scheduled claim: `next_run_at` says when its next step is due, a runner claims it with a token
 * and a lease, and a runner that crashed leaves a claim the next run takes over after the lease.
 */
export const AutomationJourney = model
  .define("automation_journey", {
    id: model.id({ prefix: "ajrn" }).primaryKey(),
    automation_id: model.text(),
    customer_id: model.text(),
    entry_key: model.text(),
    status: model.enum([...JOURNEY_STATUSES]).default("active"),
    /** Why it ended early: order_placed, automation_off, no_email... */
    exit_reason: model.text().nullable(),
    is_holdout: model.boolean().default(false),
    /** The step it is at (the wait it is waiting in, or the next action). */
    step_index: model.number().default(0),
    next_run_at: model.dateTime().nullable(),
    claimed_at: model.dateTime().nullable(),
    claim_token: model.text().nullable(),
    attempts: model.number().default(0),
    entered_at: model.dateTime(),
    /** An order placed after this ends the journey (exit_on_order). */
    exit_orders_after: model.dateTime(),
    ended_at: model.dateTime().nullable(),
    /** What the trigger knew (cart id, order id, segment) and what steps produced (promotion code). */
    context: model.json().nullable(),
  })
  .indexes([
    { on: ["automation_id", "entry_key"], unique: true, where: null },
    { on: ["automation_id", "customer_id", "entered_at"], where: null },
    { on: ["next_run_at"], where: "status = 'active'" },
    { on: ["customer_id", "status"], where: null },
  ])
