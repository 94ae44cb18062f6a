import { z } from "@medusajs/framework/zod"

const DAY = 86_400_000

export const AdminLoyaltyReportParams = z
  .object({
    from: z.coerce.date({ error: "from must be a date (YYYY-MM-DD or ISO 8601)" }).optional(),
    to: z.coerce.date({ error: "to must be a date (YYYY-MM-DD or ISO 8601)" }).optional(),
    interval: z.enum(["day", "week", "month"], { error: "interval must be one of: day, week, month" }).default("month"),
  })
  .strict()
  .transform((q) => ({ ...q, to: q.to ?? new Date(), from: q.from ?? new Date((q.to ?? new Date()).getTime() - 365 * DAY) }))
  .refine((q) => q.from < q.to, { message: "to must be after from", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 3 * 366 * DAY, { message: "from: at most three years per report", path: ["from"] })
export type AdminLoyaltyReportParamsType = z.infer<typeof AdminLoyaltyReportParams>
