import { z } from "@medusajs/framework/zod"
import { createPaginationParams } from "../../utils/validators"

const DAY = 86_400_000

const id = (field: string) => z.string().trim().min(1, { message: `${field} must not be empty` })
const idList = (field: string) =>
  z
    .array(id(`${field} items`), { error: `${field} must be a list of ids` })
    .max(100, { message: `${field}: at most 100 ids` })
    .refine((ids) => new Set(ids).size === ids.length, { message: `${field} must not repeat an id` })
const booleanParam = (field: string) =>
  z.preprocess(
    (value) => (value === "true" ? true : value === "false" ? false : value),
    z.boolean({ error: `${field} must be true or false` })
  )
const intParam = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${field} must be a whole number` })
    .int({ message: `${field} must be a whole number` })
    .min(min, { message: `${field} must be at least ${min}` })
    .max(max, { message: `${field} must be at most ${max}` })

const reminderRuleFields = {
  product_id: id("product_id"),
  variant_id: id("variant_id").nullable(),
  title: z.string().trim().max(200, { message: "title: at most 200 characters" }).nullable(),
  days_per_unit: z
    .number({ error: "days_per_unit must be a number of days (or null: learned from purchases)" })
    .refine((days) => days > 0 && days <= 3650, { message: "days_per_unit must be above 0 and at most 3650 (or null: learned from purchases)" })
    .nullable(),
  lead_days: z
    .number({ error: "lead_days must be a whole number of days" })
    .int({ message: "lead_days must be a whole number of days" })
    .min(0, { message: "lead_days must be between 0 and 365" })
    .max(365, { message: "lead_days must be between 0 and 365" }),
  substitute_product_ids: idList("substitute_product_ids"),
  substitute_variant_ids: idList("substitute_variant_ids"),
  template: z
    .string()
    .trim()
    .min(1, { message: "template must not be empty" })
    .max(200, { message: "template: at most 200 characters" }),
  max_reminders: z
    .number({ error: "max_reminders must be a whole number" })
    .int({ message: "max_reminders must be a whole number" })
    .min(1, { message: "max_reminders must be between 1 and 5" })
    .max(5, { message: "max_reminders must be between 1 and 5" }),
  nudge_after_days: z
    .number({ error: "nudge_after_days must be a whole number of days" })
    .int({ message: "nudge_after_days must be a whole number of days" })
    .min(1, { message: "nudge_after_days must be between 1 and 90" })
    .max(90, { message: "nudge_after_days must be between 1 and 90" }),
  use_personal_cycle: z.boolean({ error: "use_personal_cycle must be true or false" }),
  is_active: z.boolean({ error: "is_active must be true or false" }),
}

export const AdminCreateReminderRule = z
  .object(reminderRuleFields)
  .partial()
  .required({ product_id: true })
  .strict()
export type AdminCreateReminderRuleType = z.infer<typeof AdminCreateReminderRule>

export const AdminUpdateReminderRule = z.object(reminderRuleFields).partial().strict()
export type AdminUpdateReminderRuleType = z.infer<typeof AdminUpdateReminderRule>

export const AdminReminderRulesParams = createPaginationParams().extend({
  is_active: booleanParam("is_active").optional(),
  product_id: id("product_id").optional(),
})
export type AdminReminderRulesParamsType = z.infer<typeof AdminReminderRulesParams>

export const AdminReminderRuleParams = z.object({})
export type AdminReminderRuleParamsType = z.infer<typeof AdminReminderRuleParams>

export const AdminCycleSuggestionParams = z
  .object({
    product_id: id("product_id"),
    variant_id: id("variant_id").optional(),
    substitute_product_ids: z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), idList("substitute_product_ids")).optional(),
    substitute_variant_ids: z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), idList("substitute_variant_ids")).optional(),
  })
  .strict()
export type AdminCycleSuggestionParamsType = z.infer<typeof AdminCycleSuggestionParams>

const upcomingFilters = {
  days: intParam("days", 0, 365).default(7),
  rule_id: id("rule_id").optional(),
}

export const AdminUpcomingRemindersParams = createPaginationParams({ limit: 50, maxLimit: 500 }).extend(upcomingFilters).strict()
export type AdminUpcomingRemindersParamsType = z.infer<typeof AdminUpcomingRemindersParams>

export const AdminUpcomingExportParams = z.object(upcomingFilters).strict()
export type AdminUpcomingExportParamsType = z.infer<typeof AdminUpcomingExportParams>

export const AdminReminderReportParams = z
  .object({
    from: z.coerce.date({ error: "from must be a date (YYYY-MM-DD or ISO 8601)" }).optional(),
    to: z.coerce.date({ error: "to must be a date (YYYY-MM-DD or ISO 8601)" }).optional(),
    rule_id: id("rule_id").optional(),
  })
  .strict()
  .transform((q) => ({ ...q, to: q.to ?? new Date(), from: q.from ?? new Date((q.to ?? new Date()).getTime() - 90 * DAY) }))
  .refine((q) => q.from < q.to, { message: "to must be after from", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 3 * 366 * DAY, { message: "from: at most three years per report", path: ["from"] })
export type AdminReminderReportParamsType = z.infer<typeof AdminReminderReportParams>

export const AdminRunReminders = z
  .object({
    max_batches: z
      .number({ error: "max_batches must be a whole number" })
      .int({ message: "max_batches must be a whole number" })
      .min(1, { message: "max_batches must be between 1 and 1000" })
      .max(1000, { message: "max_batches must be between 1 and 1000" })
      .optional(),
  })
  .strict()
export type AdminRunRemindersType = z.infer<typeof AdminRunReminders>
