import { z } from "@medusajs/framework/zod"
import { COMPANY_STATUSES } from "../../../modules/b2b/models/company"
import { EMPLOYEE_ROLES, SPENDING_LIMIT_PERIODS } from "../../../modules/b2b/models/company-employee"
import { CONTRACT_STATUSES } from "../../../modules/b2b/models/contract"
import { PRICE_IMPORT_STATUSES } from "../../../modules/b2b/models/price-import"
import { createEnumListParam, createPaginationParams, oneOf } from "../../utils/validators"

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { message: `${field}: at most ${max} characters` })
const required = (field: string, max: number) => text(field, max).min(1, { message: `${field} must not be empty` })
const id = (field: string) => z.string({ error: `${field} must be an id` }).trim().min(1, { message: `${field} must not be empty` })
const email = (field: string) => z.string({ error: `${field} must be an e-mail address` }).trim().toLowerCase().email({ message: `${field} must be an e-mail address` })
const currency = (field: string) =>
  z
    .string({ error: `${field} must be a three-letter currency code (ISO 4217), e.g. eur` })
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{3}$/, { message: `${field} must be a three-letter currency code (ISO 4217), e.g. eur` })
const wholeNumber = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a whole number` })
    .int({ message: `${field} must be a whole number` })
    .min(min, { message: `${field} must be between ${min} and ${max}` })
    .max(max, { message: `${field} must be between ${min} and ${max}` })
const intParam = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${field} must be a whole number` })
    .int({ message: `${field} must be a whole number` })
    .min(min, { message: `${field} must be between ${min} and ${max}` })
    .max(max, { message: `${field} must be between ${min} and ${max}` })

const DATE_MESSAGE = "must be a date (YYYY-MM-DD or ISO 8601)"

/**
 * A date or time. A bare day is the start of that day (UTC) for a beginning and its end for an
 * end, so "valid to 2026-12-31" includes the 31st.
 */
const dateField = (field: string, edge: "start" | "end") =>
  z.string({ error: `${field} ${DATE_MESSAGE}` }).trim().transform((value, ctx) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value)
    const date = new Date(day ? `${value}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z` : value)
    if (!value || Number.isNaN(date.getTime()) || (day && date.toISOString().slice(0, 10) !== value)) {
      ctx.addIssue({ code: "custom", message: `${field} ${DATE_MESSAGE}` })
      return z.NEVER
    }
    return date
  })

/** An amount above 0 as a decimal string (JSON numbers or strings; at most 4 decimals). */
const amountField = (field: string) =>
  z.union([z.number(), z.string()], { error: `${field} must be an amount above 0, e.g. 19.90` }).transform((value, ctx) => {
    const text = typeof value === "number" ? String(value) : value.trim()
    if (!/^\d{1,15}(\.\d{1,4})?$/.test(text) || /^[0.]+$/.test(text)) {
      ctx.addIssue({ code: "custom", message: `${field} must be an amount above 0 with at most 4 decimals, e.g. 19.90` })
      return z.NEVER
    }
    return text.replace(/^0+(?=\d)/, "")
  })

const companyFields = {
  name: required("name", 200),
  tax_id: text("tax_id", 50).nullable(),
  country_code: z
    .string({ error: "country_code must be a two-letter country code (ISO 3166-1), e.g. de" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, { message: "country_code must be a two-letter country code (ISO 3166-1), e.g. de" })
    .nullable(),
  contact_name: text("contact_name", 200).nullable(),
  contact_email: email("contact_email").nullable(),
  contact_phone: text("contact_phone", 50).nullable(),
  status: oneOf(COMPANY_STATUSES, "status"),
  account_manager_email: email("account_manager_email").nullable(),
  metadata: z.record(z.string(), z.unknown(), { error: "metadata must be an object" }).nullable(),
}

export const AdminCreateCompany = z.object(companyFields).partial().required({ name: true }).strict()
export type AdminCreateCompanyType = z.infer<typeof AdminCreateCompany>

export const AdminUpdateCompany = z.object(companyFields).partial().strict()
export type AdminUpdateCompanyType = z.infer<typeof AdminUpdateCompany>

export const AdminCompaniesParams = createPaginationParams().extend({
  q: z.string().trim().max(200).optional(),
  status: createEnumListParam(COMPANY_STATUSES, "status").optional(),
})
export type AdminCompaniesParamsType = z.infer<typeof AdminCompaniesParams>

export const AdminCompanyParams = z.object({})

const LIMIT_FIELDS = ["spending_limit", "spending_limit_currency_code", "spending_limit_period"] as const

const employeeFields = {
  customer_id: id("customer_id"),
  role: oneOf(EMPLOYEE_ROLES, "role"),
  spending_limit: z
    .number({ error: "spending_limit must be an amount" })
    .positive({ message: "spending_limit must be above 0 (or null: no limit)" })
    .nullable(),
  spending_limit_currency_code: currency("spending_limit_currency_code").nullable(),
  spending_limit_period: oneOf(SPENDING_LIMIT_PERIODS, "spending_limit_period").nullable(),
}

/** A spending limit is an amount in a currency per period: the three are set (or cleared) together. */
const limitTogether = (body: Partial<Record<(typeof LIMIT_FIELDS)[number], unknown>>, ctx: z.RefinementCtx) => {
  const given = LIMIT_FIELDS.filter((f) => body[f] !== undefined)
  if (!given.length) return
  const set = LIMIT_FIELDS.filter((f) => body[f] !== undefined && body[f] !== null)
  if (given.length !== LIMIT_FIELDS.length || (set.length && set.length !== LIMIT_FIELDS.length)) {
    const missing = LIMIT_FIELDS.find((f) => body[f] === undefined || (set.length && body[f] === null))!
    ctx.addIssue({ code: "custom", path: [missing], message: `${missing}: a spending limit is spending_limit in spending_limit_currency_code per spending_limit_period; give all three (or all three null: no limit)` })
  }
}

export const AdminAddEmployees = z
  .object({
    employees: z
      .array(z.object(employeeFields).partial().required({ customer_id: true }).strict().superRefine(limitTogether), { error: "employees must be a list" })
      .min(1, { message: "employees: give at least one" })
      .max(100, { message: "employees: at most 100 at a time" }),
  })
  .strict()
export type AdminAddEmployeesType = z.infer<typeof AdminAddEmployees>

const { customer_id: _customerId, ...employeeUpdateFields } = employeeFields
export const AdminUpdateEmployee = z.object(employeeUpdateFields).partial().strict().superRefine(limitTogether)
export type AdminUpdateEmployeeType = z.infer<typeof AdminUpdateEmployee>

export const AdminEmployeesParams = createPaginationParams({ limit: 50, maxLimit: 200 })

const contractFields = {
  title: required("title", 200),
  status: oneOf(CONTRACT_STATUSES, "status"),
  valid_from: dateField("valid_from", "start"),
  valid_to: dateField("valid_to", "end").nullable(),
  currency_code: currency("currency_code"),
  renewal_reminder_days: wholeNumber("renewal_reminder_days", 0, 365),
  notes: text("notes", 5000).nullable(),
}

export const AdminCreateContract = z.object(contractFields).partial().required({ title: true, valid_from: true, currency_code: true }).strict()
export type AdminCreateContractType = z.infer<typeof AdminCreateContract>

export const AdminUpdateContract = z.object(contractFields).partial().strict()
export type AdminUpdateContractType = z.infer<typeof AdminUpdateContract>

export const AdminContractsParams = createPaginationParams().extend({
  company_id: id("company_id").optional(),
  status: createEnumListParam(CONTRACT_STATUSES, "status").optional(),
})
export type AdminContractsParamsType = z.infer<typeof AdminContractsParams>

export const AdminContractParams = z.object({})

const tier = z
  .object({
    min_quantity: wholeNumber("min_quantity", 1, 2_147_483_647).nullable().optional(),
    max_quantity: wholeNumber("max_quantity", 1, 2_147_483_647).nullable().optional(),
    amount: amountField("amount"),
  })
  .strict()

export const AdminSetContractPrices = z
  .object({
    variants: z
      .array(
        z.object({ variant_id: id("variant_id"), tiers: z.array(tier, { error: "tiers must be a list" }).max(20, { message: "tiers: at most 20 bands per variant" }) }).strict(),
        { error: "variants must be a list" }
      )
      .min(1, { message: "variants: give at least one" })
      .max(100, { message: "variants: at most 100 at a time (import a CSV for more)" })
      .superRefine((variants, ctx) => {
        variants.forEach((v, i) =>
          v.tiers.forEach((t, j) => {
            if (t.min_quantity != null && t.max_quantity != null && t.max_quantity < t.min_quantity) {
              ctx.addIssue({ code: "custom", path: [i, "tiers", j, "max_quantity"], message: `variants[${i}].tiers[${j}].max_quantity must not be below min_quantity (${t.min_quantity})` })
            }
          })
        )
      }),
  })
  .strict()
export type AdminSetContractPricesType = z.infer<typeof AdminSetContractPrices>

export const AdminContractPricesParams = createPaginationParams({ limit: 50, maxLimit: 500 }).extend({ variant_id: id("variant_id").optional() }).strict()
export type AdminContractPricesParamsType = z.infer<typeof AdminContractPricesParams>

/** The text fields of the import upload (the file is checked as it streams in). */
export const AdminCreatePriceImport = z
  .object({
    apply: z
      .preprocess(
        (value) => (value === "true" || value === "1" ? true : value === "false" || value === "0" || value === "" ? false : value),
        z.boolean({ message: "apply must be true or false" })
      )
      .optional(),
  })
  .strict()
export type AdminCreatePriceImportType = z.infer<typeof AdminCreatePriceImport>

export const AdminPriceImportsParams = createPaginationParams().extend({
  status: createEnumListParam(PRICE_IMPORT_STATUSES, "status").optional(),
})
export type AdminPriceImportsParamsType = z.infer<typeof AdminPriceImportsParams>

export const AdminPriceImportParams = z.object({})

export const AdminPriceImportChangesParams = z
  .object({
    action: createEnumListParam(["add", "change", "remove", "same"] as const, "action").optional(),
    after: z.string().trim().min(1, { message: "after must not be empty" }).optional(),
    limit: intParam("limit", 1, 500).default(50),
  })
  .strict()
export type AdminPriceImportChangesParamsType = z.infer<typeof AdminPriceImportChangesParams>

export const AdminPriceDebuggerParams = z
  .object({
    customer_id: id("customer_id").optional(),
    company_id: id("company_id").optional(),
    variant_id: id("variant_id"),
    quantity: intParam("quantity", 1, 2_147_483_647).optional(),
    region_id: id("region_id").optional(),
    currency_code: currency("currency_code").optional(),
    at: dateField("at", "start").optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.customer_id && !q.company_id) {
      ctx.addIssue({ code: "custom", path: ["customer_id"], message: "customer_id or company_id: say whose price to explain" })
    }
    if (!q.region_id && !q.currency_code) {
      ctx.addIssue({ code: "custom", path: ["region_id"], message: "region_id or currency_code: say where the price is asked" })
    }
  })
export type AdminPriceDebuggerParamsType = z.infer<typeof AdminPriceDebuggerParams>

export const AdminRenewalsParams = createPaginationParams({ limit: 50, maxLimit: 200 }).extend({ within_days: intParam("within_days", 0, 730).default(60) }).strict()
export type AdminRenewalsParamsType = z.infer<typeof AdminRenewalsParams>

export const AdminRunRenewals = z.object({}).strict()
