import { model } from "@medusajs/framework/utils"

export const STEP_OUTCOMES = ["waited", "done", "held_out", "suppressed", "failed"] as const

/**
 * A step a journey reached: unique per (journey, step), so a step recorded once is never run
 * again. A wait records when it began (its end follows from that, across restarts); an action
 * records its outcome and what it produced (message id, promotion code).
 */
export const AutomationStepRun = model
  .define("automation_step_run", {
    id: model.id({ prefix: "astp" }).primaryKey(),
    journey_id: model.text(),
    automation_id: model.text(),
    step_index: model.number(),
    step_type: model.text(),
    outcome: model.enum([...STEP_OUTCOMES]),
    reason: model.text().nullable(),
    detail: model.json().nullable(),
    run_at: model.dateTime(),
  })
  .indexes([
    { on: ["journey_id", "step_index"], unique: true, where: null },
    { on: ["automation_id", "step_type", "outcome"], where: null },
  ])
