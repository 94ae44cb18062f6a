import { z } from "@medusajs/framework/zod"
import { SALES_REP_SOURCES } from "../../../../workflows/insights/reports/report"

const DAY = 86_400_000

/** The first instant of the month after `date`'s (UTC). */
const nextMonthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
const monthsBefore = (date: Date, months: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1))

const period = {
  from: z.coerce.date({ error: "from must be a date (YYYY-MM-DD or ISO 8601)" }).optional(),
  to: z.coerce.date({ error: "to must be a date (YYYY-MM-DD or ISO 8601)" }).optional(),
}

/** [from, to): by default the twelve whole months up to and including the current one (UTC). */
const withPeriod = <T extends { from?: Date; to?: Date }>(q: T) => {
  const to = q.to ?? nextMonthStart(new Date())
  return { ...q, to, from: q.from ?? monthsBefore(to, 12) }
}
const checkPeriod = <T extends z.ZodType<{ from: Date; to: Date }>>(schema: T) =>
  schema
    .refine((q) => q.from < q.to, { message: "to must be after from", path: ["to"] })
    .refine((q) => q.to.getTime() - q.from.getTime() <= 5 * 366 * DAY, { message: "from: at most five years per report", path: ["from"] })

/** A report over a period [from, to). */
export const AdminReportPeriodParams = checkPeriod(z.object(period).strict().transform(withPeriod))
export type AdminReportPeriodParamsType = z.infer<typeof AdminReportPeriodParams>

/** Cohorts by first-order month in [from, to), followed for `months` months after their first. */
export const AdminCohortReportParams = checkPeriod(
  z
    .object({
      ...period,
      months: z.coerce
        .number({ error: "months must be a whole number" })
        .int({ error: "months must be a whole number" })
        .min(1, { error: "months must be at least 1" })
        .max(60, { error: "months must be at most 60" })
        .default(12),
    })
    .strict()
    .transform(withPeriod)
)
export type AdminCohortReportParamsType = z.infer<typeof AdminCohortReportParams>


/** Sales representatives: a B2B company's account manager, or a key of the customer's metadata. */
export const AdminSalesRepReportParams = checkPeriod(
  z
    .object({
      ...period,
      by: z.enum(SALES_REP_SOURCES, { error: `by must be one of: ${SALES_REP_SOURCES.join(", ")}` }).default("account_manager"),
      metadata_key: z
        .string({ error: "metadata_key must be a metadata key" })
        .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "metadata_key must be a metadata key (letters, digits, _ -)" })
        .default("sales_rep"),
    })
    .strict()
    .transform(withPeriod)
)
export type AdminSalesRepReportParamsType = z.infer<typeof AdminSalesRepReportParams>

/** Reports without parameters (a snapshot of now). */
export const AdminReportSnapshotParams = z.object({}).strict()
export type AdminReportSnapshotParamsType = z.infer<typeof AdminReportSnapshotParams>
