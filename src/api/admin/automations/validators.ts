import { z } from "@medusajs/framework/zod"
import { parseSteps, parseTrigger } from "../../../modules/automations/definition/parse"
import type { AutomationStep, AutomationTrigger } from "../../../modules/automations/definition/schema"
import { REENTRY_MODES } from "../../../modules/automations/models/automation"
import { parseSegmentDefinition, type SegmentNode } from "../../../modules/segments/definition/schema"
import { createPaginationParams, oneOf } from "../../utils/validators"

const joined = (problems: { path: string; message: string }[]) => problems.slice(0, 20).map((p) => `${p.path}: ${p.message}`).join("; ")

// One issue carrying every problem with its path: Medusa's formatter reports only the first three issues.
const Trigger = z.unknown().transform((value, ctx): AutomationTrigger => {
  const parsed = parseTrigger(value)
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: joined(parsed.problems) })
    return z.NEVER
  }
  return parsed.trigger
})

const Steps = z.unknown().transform((value, ctx): AutomationStep[] => {
  const parsed = parseSteps(value)
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: joined(parsed.problems) })
    return z.NEVER
  }
  return parsed.steps
})

const Conditions = z.unknown().transform((value, ctx): SegmentNode | null => {
  if (value === null) return null
  const parsed = parseSegmentDefinition(value, "conditions")
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: joined(parsed.issues) })
    return z.NEVER
  }
  return parsed.definition
})

const automationFields = {
  name: z.string({ message: "name is required" }).trim().min(1, { message: "name must not be empty" }).max(200, { message: "name must be at most 200 characters" }),
  is_active: z.boolean({ message: "is_active must be true or false" }).optional(),
  trigger: Trigger,
  conditions: Conditions.optional(),
  steps: Steps,
  exit_on_order: z.boolean({ message: "exit_on_order must be true or false" }).optional(),
  reentry: oneOf(REENTRY_MODES, "reentry").optional(),
  reentry_days: z
    .number({ message: "reentry_days must be a number" })
    .int({ message: "reentry_days must be a whole number" })
    .min(1, { message: "reentry_days must be at least 1" })
    .max(3650, { message: "reentry_days must be at most 3650" })
    .nullish(),
  holdout_percent: z
    .number({ message: "holdout_percent must be a number" })
    .int({ message: "holdout_percent must be a whole number" })
    .min(0, { message: "holdout_percent must be at least 0" })
    .max(50, { message: "holdout_percent must be at most 50" })
    .optional(),
  attribution_days: z
    .number({ message: "attribution_days must be a number" })
    .int({ message: "attribution_days must be a whole number" })
    .min(1, { message: "attribution_days must be at least 1" })
    .max(90, { message: "attribution_days must be at most 90" })
    .optional(),
}

const reentryDaysWithMode = (v: { reentry?: string; reentry_days?: number | null }) => v.reentry !== "every_n_days" || !!v.reentry_days
const reentryDaysError = { message: 'reentry_days is required with reentry "every_n_days"', path: ["reentry_days"] }

export const AdminCreateAutomation = z.object(automationFields).strict().refine(reentryDaysWithMode, reentryDaysError)
export type AdminCreateAutomationType = z.infer<typeof AdminCreateAutomation>

export const AdminUpdateAutomation = z
  .object({ ...automationFields, trigger: Trigger.optional(), steps: Steps.optional() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "give at least one field to change" })
export type AdminUpdateAutomationType = z.infer<typeof AdminUpdateAutomation>

const booleanParam = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ message: "is_active must be true or false" }))

export const AdminAutomationsParams = createPaginationParams().extend({ is_active: booleanParam.optional() })
export type AdminAutomationsParamsType = z.infer<typeof AdminAutomationsParams>

export const AdminAutomationParams = z.object({})
export type AdminAutomationParamsType = z.infer<typeof AdminAutomationParams>
