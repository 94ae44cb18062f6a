import { z } from "@medusajs/framework/zod"
import type { HistoryFile, RowError } from "./history-csv"

/** A customers.csv line, validated. */
export type CustomerRow = {
  line: number
  /** Lower-cased: customers are matched by e-mail case-insensitively. */
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  country_code: string | null
  city: string | null
  postal_code: string | null
  created_at: Date | null
  /** Empty means no consent: imported profiles are never silently subscribed. */
  marketing_consent: boolean
  metadata: Record<string, unknown> | null
}

/** An orders.csv line (one order line), validated. */
export type OrderRow = {
  line: number
  order_ref: string
  email: string
  placed_at: Date
  currency_code: string
  sku: string
  quantity: number
  /** A decimal string (never a float). */
  unit_amount: string
  refunded_quantity: number
}

const MAX_QUANTITY = 1_000_000
/** A day of slack for time zones: history cannot be in the future. */
const FUTURE_SLACK_MS = 86_400_000

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i
const DATE_MESSAGE = "must be a date like 2021-03-15 or 2021-03-15T14:30:00Z"

/** YYYY-MM-DD (UTC midnight) or ISO 8601 with a time (UTC unless it carries an offset). */
export function parseHistoryDate(value: string): Date | string {
  const match = DATE.exec(value)
  if (!match) {
    return DATE_MESSAGE
  }
  const [, year, month, day, hour, minute, , zone] = match
  const date = new Date(hour === undefined ? `${value.slice(0, 10)}T00:00:00Z` : zone ? value.replace(" ", "T") : `${value.replace(" ", "T")}Z`)
  // Date rolls 2021-02-30 over to March: compare the parts to reject it.
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0)))
  if (Number.isNaN(date.getTime()) || check.getUTCDate() !== Number(day) || check.getUTCMonth() !== Number(month) - 1 || Number(hour ?? 0) > 23) {
    return `${DATE_MESSAGE} (this one does not exist)`
  }
  if (date.getTime() > Date.now() + FUTURE_SLACK_MS) {
    return "must not be in the future"
  }
  return date
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((v) => (v === "" ? null : v))

const email = z
  .string()
  .trim()
  .min(1, { message: "is required" })
  .max(254, { message: "must be at most 254 characters" })
  .email({ message: "must be an e-mail address" })
  .transform((v) => v.toLowerCase())

const date = (required: boolean) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") {
        if (required) {
          ctx.addIssue({ code: "custom", message: "is required" })
        }
        return null
      }
      const parsed = parseHistoryDate(v)
      if (typeof parsed === "string") {
        ctx.addIssue({ code: "custom", message: parsed })
        return null
      }
      return parsed
    })

const wholeNumber = (min: number, emptyAs: number | null) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "" && emptyAs !== null) {
        return emptyAs
      }
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > MAX_QUANTITY) {
        ctx.addIssue({ code: "custom", message: `must be a whole number ≥ ${min}${v === "" ? " (it is empty)" : ""}` })
        return 0
      }
      return Number(v)
    })

const CustomerSchema = z.object({
  email,
  first_name: optionalText(200),
  last_name: optionalText(200),
  phone: optionalText(50),
  country_code: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") {
        return null
      }
      if (!/^[a-z]{2}$/i.test(v)) {
        ctx.addIssue({ code: "custom", message: "must be a two-letter country code (ISO 3166-1), e.g. de" })
      }
      return v.toLowerCase()
    }),
  city: optionalText(200),
  postal_code: optionalText(40),
  created_at: date(false),
  marketing_consent: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const value = v.toLowerCase()
      if (value !== "" && value !== "true" && value !== "false") {
        ctx.addIssue({ code: "custom", message: "must be true, false or empty (empty means no consent)" })
      }
      return value === "true"
    }),
  metadata: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") {
        return null
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(v)
      } catch {
        ctx.addIssue({ code: "custom", message: 'must be a JSON object, e.g. {"source":"old-shop"}' })
        return null
      }
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        ctx.addIssue({ code: "custom", message: 'must be a JSON object, e.g. {"source":"old-shop"}' })
        return null
      }
      // Consent has its own column; a metadata flag would be read as consent by the facts refresh.
      if ("marketing_consent" in parsed) {
        ctx.addIssue({ code: "custom", message: "must not carry marketing_consent: use the marketing_consent column" })
        return null
      }
      return parsed as Record<string, unknown>
    }),
})

const OrderSchema = z
  .object({
    order_ref: z.string().trim().min(1, { message: "is required" }).max(200, { message: "must be at most 200 characters" }),
    email,
    placed_at: date(true),
    currency_code: z
      .string()
      .trim()
      .regex(/^[a-z]{3}$/i, { message: "must be a three-letter currency code (ISO 4217), e.g. eur" })
      .transform((v) => v.toLowerCase()),
    sku: z.string().trim().min(1, { message: "is required" }).max(200, { message: "must be at most 200 characters" }),
    quantity: wholeNumber(1, null),
    unit_amount: z
      .string()
      .trim()
      .regex(/^\d{1,15}(\.\d{1,6})?$/, { message: "must be an amount ≥ 0 with a dot for decimals, e.g. 19.90" }),
    refunded_quantity: wholeNumber(0, 0),
  })
  .superRefine((row, ctx) => {
    if (row.refunded_quantity > row.quantity) {
      ctx.addIssue({ code: "custom", path: ["refunded_quantity"], message: "must not exceed quantity" })
    }
  })

type Parsed<T> = { row: T; errors?: never } | { errors: RowError[]; row?: never }

function parseWith<T>(schema: z.ZodType, file: HistoryFile, line: number, values: Record<string, string>): Parsed<T> {
  const result = schema.safeParse(values)
  if (result.success) {
    return { row: { line, ...(result.data as object) } as T }
  }
  const byField = new Map<string, RowError>()
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "row")
    if (!byField.has(field)) {
      byField.set(field, { file, line, field, message: issue.message })
    }
  }
  return { errors: [...byField.values()] }
}

/** Validates a customers.csv line; every error names the line and the field. */
export const parseCustomerRow = (line: number, values: Record<string, string>) =>
  parseWith<CustomerRow>(CustomerSchema, "customers.csv", line, values)

/** Validates an orders.csv line; every error names the line and the field. */
export const parseOrderRow = (line: number, values: Record<string, string>) => parseWith<OrderRow>(OrderSchema, "orders.csv", line, values)
