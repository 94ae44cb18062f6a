import { model } from "@medusajs/framework/utils"

export const REENTRY_MODES = ["once", "every_n_days"] as const

/**
 * A rule-triggered flow: a trigger (cart abandoned, win-back, segment entered or exited, Nth order,
 * tier changed, points expiring, anniversary, viewed but not bought, referral converted), an
 * optional condition tree in the segment language, steps run in order (waits and actions), exit on
 * an order, a re-entry rule and a holdout share. Trigger, conditions and steps are validated JSON
 * (definition/schema.ts); journeys follow the steps as they were when each step runs.
 */
export const Automation = model
  .define("automation", {
    id: model.id({ prefix: "auto" }).primaryKey(),
    name: model.text(),
    is_active: model.boolean().default(false),
    trigger: model.json(),
    conditions: model.json().nullable(),
    steps: model.json(),
    /** Ends a journey when the customer places an order after it started (or after the abandoned cart's last change). */
    exit_on_order: model.boolean().default(true),
    reentry: model.enum([...REENTRY_MODES]).default("once"),
    /** With `every_n_days`: a customer may enter again this many days after their last entry. */
    reentry_days: model.number().nullable(),
    /** Percent of entrants (0-50) held out: they go through the flow but receive no action. */
    holdout_percent: model.number().default(0),
    /** Orders within this many days of entering count as conversions. */
    attribution_days: model.number().default(7),
  })
  .indexes([{ on: ["is_active"], where: "deleted_at IS NULL" }])
