/**
 * The B2B forms' drafts as typed and the bodies they send: the checks the browser can make
 * (the server checks everything again and its 400 goes under the field it names).
 */
import type { FieldErrors } from "../common/entity-drawer"
import { type Contract, type ContractPayload, type ContractStatus, type Employee, type EmployeePayload, type EmployeeRole, type SpendingLimitPeriod } from "./types"

export const CONTRACT_FIELDS = ["title", "status", "valid_from", "valid_to", "currency_code", "renewal_reminder_days", "notes"] as const
export type ContractField = (typeof CONTRACT_FIELDS)[number]
export type ContractDraft = {
  title: string
  status: ContractStatus
  valid_from: string
  valid_to: string
  currency_code: string
  renewal_reminder_days: string
  notes: string
  /** The days as loaded: an unchanged day is not sent back (the server reads a bare day as its start or end). */
  loaded: { valid_from: string; valid_to: string } | null
}

/** The UTC day of an ISO time, as the server reads a bare day. */
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "")

export const toContractDraft = (contract: Contract | null): ContractDraft => ({
  title: contract?.title ?? "",
  status: contract?.status ?? "draft",
  valid_from: day(contract?.valid_from) || new Date().toISOString().slice(0, 10),
  valid_to: day(contract?.valid_to),
  currency_code: contract?.currency_code ?? "",
  renewal_reminder_days: String(contract?.renewal_reminder_days ?? 30),
  notes: contract?.notes ?? "",
  loaded: contract ? { valid_from: day(contract.valid_from), valid_to: day(contract.valid_to) } : null,
})

export function toContractPayload(draft: ContractDraft): { payload?: ContractPayload; errors: FieldErrors<ContractField> } {
  const errors: FieldErrors<ContractField> = {}
  if (!draft.title.trim()) errors.title = "title must not be empty"
  if (!draft.valid_from) errors.valid_from = "valid_from: the first day the contract prices apply"
  if (draft.valid_to && draft.valid_from && draft.valid_to < draft.valid_from) errors.valid_to = "valid_to must not be before valid_from"
  if (!/^[a-z]{3}$/.test(draft.currency_code)) errors.currency_code = "currency_code: choose the contract's currency"
  const days = Number(draft.renewal_reminder_days)
  if (!Number.isInteger(days) || days < 0 || days > 365) errors.renewal_reminder_days = "renewal_reminder_days must be a whole number between 0 and 365"
  if (Object.keys(errors).length) return { errors }
  const payload: ContractPayload = {
    title: draft.title.trim(),
    status: draft.status,
    currency_code: draft.currency_code,
    renewal_reminder_days: days,
    notes: draft.notes.trim() || null,
  }
  if (!draft.loaded || draft.loaded.valid_from !== draft.valid_from) payload.valid_from = draft.valid_from
  if (!draft.loaded || draft.loaded.valid_to !== draft.valid_to) payload.valid_to = draft.valid_to || null
  return { errors, payload }
}

export const EMPLOYEE_FIELDS = ["customer_id", "role", "spending_limit", "spending_limit_currency_code", "spending_limit_period"] as const
export type EmployeeField = (typeof EMPLOYEE_FIELDS)[number]
export type EmployeeDraft = { customer_id: string | null; role: EmployeeRole; spending_limit: string; spending_limit_currency_code: string; spending_limit_period: SpendingLimitPeriod | "" }

export const NONE = "none"

export const toEmployeeDraft = (employee: Employee | null): EmployeeDraft => ({
  customer_id: employee?.customer_id ?? null,
  role: employee?.role ?? "buyer",
  spending_limit: employee?.spending_limit === null || employee?.spending_limit === undefined ? "" : String(employee.spending_limit),
  spending_limit_currency_code: employee?.spending_limit_currency_code ?? "",
  spending_limit_period: employee?.spending_limit_period ?? "",
})

/** A spending limit is an amount in a currency per period: all three, or none (no limit). */
export function toEmployeePayload(draft: EmployeeDraft): { payload?: EmployeePayload; errors: FieldErrors<EmployeeField> } {
  const errors: FieldErrors<EmployeeField> = {}
  if (!draft.customer_id) errors.customer_id = "Choose the customer who works for the company."
  const amount = draft.spending_limit.trim()
  const currency = draft.spending_limit_currency_code.trim().toLowerCase()
  const limited = !!(amount || currency || draft.spending_limit_period)
  if (limited) {
    if (!amount || !(Number(amount) > 0)) errors.spending_limit = "spending_limit must be an amount above 0 (or clear all three: no limit)"
    if (!/^[a-z]{3}$/.test(currency)) errors.spending_limit_currency_code = "spending_limit_currency_code must be a three-letter currency code, e.g. eur"
    if (!draft.spending_limit_period) errors.spending_limit_period = "spending_limit_period: choose the period the limit is for"
  }
  if (Object.keys(errors).length) return { errors }
  return {
    errors,
    payload: {
      customer_id: draft.customer_id!,
      role: draft.role,
      spending_limit: limited ? Number(amount) : null,
      spending_limit_currency_code: limited ? currency : null,
      spending_limit_period: limited ? (draft.spending_limit_period as SpendingLimitPeriod) : null,
    },
  }
}

export type Band = { min: string; max: string; amount: string }

export const emptyBand = (): Band => ({ min: "", max: "", amount: "" })

/** Bands in order must not overlap and each needs an amount above 0: checked here, and again by the server. */
export function checkBands(bands: Band[]): string | null {
  const parsed = bands.map((b) => ({ min: b.min ? Number(b.min) : 1, max: b.max ? Number(b.max) : Infinity, amount: b.amount.trim() }))
  for (const [i, b] of parsed.entries()) {
    if (!/^\d+(\.\d{1,4})?$/.test(b.amount) || Number(b.amount) <= 0) return `band ${i + 1}: amount must be above 0 (at most 4 decimals), e.g. 19.90`
    if (!Number.isInteger(b.min) || b.min < 1 || (b.max !== Infinity && (!Number.isInteger(b.max) || b.max < b.min))) return `band ${i + 1}: quantities must be whole numbers, max_quantity not below min_quantity`
  }
  const sorted = [...parsed].sort((a, b) => a.min - b.min)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].min <= sorted[i - 1].max) return `bands overlap: ${sorted[i - 1].min}–${sorted[i - 1].max === Infinity ? "" : sorted[i - 1].max} and ${sorted[i].min}–${sorted[i].max === Infinity ? "" : sorted[i].max}`
  }
  return null
}


/** The bands kept (a fully empty row is dropped) as the tiers body, or the first problem. */
export function toTiers(bands: Band[]): { tiers?: { min_quantity: number | null; max_quantity: number | null; amount: string }[]; error: string | null } {
  const kept = bands.filter((b) => b.min || b.max || b.amount)
  const error = checkBands(kept)
  if (error) return { error }
  return { error: null, tiers: kept.map((b) => ({ min_quantity: b.min ? Number(b.min) : null, max_quantity: b.max ? Number(b.max) : null, amount: b.amount.trim() })) }
}
