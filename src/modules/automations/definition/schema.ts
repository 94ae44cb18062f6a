import { z } from "@medusajs/framework/zod"
import type { SegmentNode } from "../../segments/definition/schema"

/**
 * What an automation is made of, as JSON: the trigger that starts a journey and the steps it
 * follows. Validated here, once, for the admin routes and the service; every message names the
 * field it is about (`steps[2].template: ...`).
 */

const whole = (field: string, min: number, max: number) =>
  z
    .number({ message: `${field} must be a number` })
    .int({ message: `${field} must be a whole number` })
    .min(min, { message: `${field} must be at least ${min}` })
    .max(max, { message: `${field} must be at most ${max}` })
const id = (field: string) => z.string({ message: `${field} is required` }).trim().min(1, { message: `${field} must not be empty` })

export const TRIGGER_TYPES = [
  "cart_abandoned",
  "win_back",
  "segment_entered",
  "segment_exited",
  "order_placed",
  "tier_changed",
  "points_expiring",
  "anniversary",
  "viewed_not_bought",
  "referral_converted",
] as const
export const TIER_DIRECTIONS = ["up", "down"] as const
export const ANNIVERSARY_DATES = ["signup", "metadata"] as const
export const REFERRAL_SIDES = ["referrer", "referee"] as const

export const TriggerSchema = z.discriminatedUnion(
  "type",
  [
    z
      .object({
        type: z.literal("cart_abandoned"),
        /** A cart with items and an e-mail, unchanged and not completed for this many hours. */
        hours: whole("trigger.hours", 1, 24 * 30),
        /** Carts unchanged for longer than this are too old to chase. */
        max_age_hours: whole("trigger.max_age_hours", 1, 24 * 90).optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal("win_back"),
        /** No order for this many days since the last one. */
        days: whole("trigger.days", 1, 3650),
      })
      .strict(),
    z.object({ type: z.literal("segment_entered"), segment_id: id("trigger.segment_id") }).strict(),
    z.object({ type: z.literal("segment_exited"), segment_id: id("trigger.segment_id") }).strict(),
    z
      .object({
        type: z.literal("tier_changed"),
        /** Only changes into this tier (omitted: any tier, or none). */
        tier_id: id("trigger.tier_id").optional(),
        /** Only moves up (to a higher rank, or from no tier) or down (to a lower rank, or to no tier). */
        direction: z.enum(TIER_DIRECTIONS, { message: "trigger.direction must be up or down" }).optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal("points_expiring"),
        /** Points (not redeemed, not reversed) expire within this many days. */
        days: whole("trigger.days", 1, 365),
      })
      .strict(),
    z
      .object({
        type: z.literal("anniversary"),
        /** The customer's sign-up day (created_at), or a "YYYY-MM-DD" date in their metadata (a birthday). */
        date: z.enum(ANNIVERSARY_DATES, { message: "trigger.date must be signup or metadata" }),
        metadata_key: z
          .string({ message: "trigger.metadata_key must be a string" })
          .regex(/^[A-Za-z0-9_]{1,64}$/, { message: "trigger.metadata_key must be 1-64 letters, digits or underscores" })
          .optional(),
      })
      .strict()
      .superRefine((t, ctx) => {
        if (t.date === "metadata" && !t.metadata_key) {
          ctx.addIssue({ code: "custom", path: ["metadata_key"], message: 'trigger.metadata_key is required with date "metadata"' })
        }
        if (t.date === "signup" && t.metadata_key) {
          ctx.addIssue({ code: "custom", path: ["metadata_key"], message: 'trigger.metadata_key is only for date "metadata"' })
        }
      }),
    z
      .object({
        type: z.literal("viewed_not_bought"),
        /** A product viewed by a logged-in customer, not ordered within this many hours of the last view. */
        hours: whole("trigger.hours", 1, 24 * 30),
      })
      .strict(),
    z
      .object({
        type: z.literal("referral_converted"),
        /** Who enters when a referee's first order converts the referral (default: the referrer). */
        side: z.enum(REFERRAL_SIDES, { message: "trigger.side must be referrer or referee" }).optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal("order_placed"),
        /** The customer's Nth order (1: the first). */
        nth: whole("trigger.nth", 1, 1000),
      })
      .strict(),
  ],
  { message: `trigger.type must be one of: ${TRIGGER_TYPES.join(", ")}` }
)
export type AutomationTrigger = z.infer<typeof TriggerSchema>

export const STEP_TYPES = ["wait", "send_email", "issue_promotion", "adjust_points", "add_to_group", "split", "end"] as const
/** Steps that do something for the customer (waits, splits and ends only route the journey). */
export const ACTION_TYPES = ["send_email", "issue_promotion", "adjust_points", "add_to_group"] as const
/** Splits inside splits: at most this deep. */
export const MAX_SPLIT_DEPTH = 3
/** Steps in all, branches included. */
export const MAX_STEPS = 100

const leafSchemas = [
  z
    .object({ type: z.literal("wait"), amount: whole("amount", 1, 10_000), unit: z.enum(["hours", "days"], { message: "unit must be hours or days" }) })
    .strict(),
  z
    .object({
      type: z.literal("send_email"),
      template: z.string({ message: "template is required" }).trim().min(1, { message: "template must not be empty" }).max(200),
      subject: z.string().max(300).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("issue_promotion"),
      /** A single-use code for this customer: a percentage off the order, or a fixed amount in a currency. */
      percentage: whole("percentage", 1, 100).optional(),
      amount: z.number({ message: "amount must be a number" }).positive({ message: "amount must be greater than 0" }).optional(),
      currency_code: z
        .string()
        .regex(/^[a-zA-Z]{3}$/, { message: "currency_code must be a 3-letter ISO 4217 code" })
        .transform((v) => v.toLowerCase())
        .optional(),
    })
    .strict()
    .superRefine((s, ctx) => {
      if ((s.percentage === undefined) === (s.amount === undefined)) {
        ctx.addIssue({ code: "custom", path: ["percentage"], message: "percentage: give either percentage or amount" })
      }
      if (s.amount !== undefined && !s.currency_code) {
        ctx.addIssue({ code: "custom", path: ["currency_code"], message: "currency_code is required with amount" })
      }
    }),
  z
    .object({
      type: z.literal("adjust_points"),
      points: z
        .number({ message: "points must be a number" })
        .int({ message: "points must be a whole number" })
        .refine((p) => p !== 0 && Math.abs(p) <= 1_000_000, { message: "points must be non-zero, at most 1,000,000 either way" }),
      reason: z.string().max(300).optional(),
    })
    .strict(),
  z.object({ type: z.literal("add_to_group"), customer_group_id: id("customer_group_id") }).strict(),
  /** Ends the journey here (completed): a branch that should not go on to the steps after its split. */
  z.object({ type: z.literal("end") }).strict(),
] as const

type LeafStep = z.infer<(typeof leafSchemas)[number]>
/**
 * A conditional split: the customer's facts at the moment the journey reaches it decide the branch
 * (the condition is a segment tree, validated by the segment parser), then the journey goes on
 * with the steps after the split. Either branch may be empty.
 */
export type SplitStep = { type: "split"; condition: SegmentNode; yes: AutomationStep[]; no: AutomationStep[] }
export type AutomationStep = LeafStep | SplitStep

const branch = (name: string) =>
  z.array(z.lazy(() => stepSchema), { message: `${name} must be a list of steps` }).max(50, { message: `${name} may have at most 50 steps` })

const stepSchema: z.ZodType<AutomationStep, unknown> = z.discriminatedUnion(
  "type",
  [
    ...leafSchemas,
    z
      .object({
        type: z.literal("split"),
        // Checked by the segment parser once the shape is known (parseSteps), for its own messages.
        condition: z.custom<SegmentNode>((v) => v !== undefined && v !== null, { message: "condition is required" }),
        yes: branch("yes").default([]),
        no: branch("no").default([]),
      })
      .strict(),
  ],
  { message: `type must be one of: ${STEP_TYPES.join(", ")}` }
)

/** Every step of a tree with its path (`steps[2].yes[0]`) and how many splits it is inside. */
export function forEachStep(steps: AutomationStep[], visit: (step: AutomationStep, path: string, depth: number) => void, root = "steps", depth = 0): void {
  steps.forEach((step, i) => {
    const path = `${root}[${i}]`
    visit(step, path, depth)
    if (step.type === "split") {
      forEachStep(step.yes, visit, `${path}.yes`, depth + 1)
      forEachStep(step.no, visit, `${path}.no`, depth + 1)
    }
  })
}

export const StepsSchema = z
  .array(stepSchema, { message: "steps must be a list" })
  .min(1, { message: "steps must have at least one step" })
  .max(50, { message: "steps may have at most 50 steps" })
  .superRefine((steps, ctx) => {
    let actions = 0
    let total = 0
    forEachStep(steps, (step, path, depth) => {
      total++
      if ((ACTION_TYPES as readonly string[]).includes(step.type)) actions++
      if (step.type === "split" && depth >= MAX_SPLIT_DEPTH) {
        ctx.addIssue({ code: "custom", message: `${path}: splits may be nested at most ${MAX_SPLIT_DEPTH} deep` })
      }
    })
    if (!actions) ctx.addIssue({ code: "custom", message: "steps must contain at least one action besides waits" })
    if (total > MAX_STEPS) ctx.addIssue({ code: "custom", message: `steps may have at most ${MAX_STEPS} steps in all, branches included` })
  })

const HOUR = 3_600_000

/** A wait step's length in milliseconds. */
export function waitMs(step: Extract<AutomationStep, { type: "wait" }>): number {
  return step.amount * (step.unit === "days" ? 24 : 1) * HOUR
}
