/** What the B2B admin routes (/admin/b2b/...) answer, as the admin pages read it (dates are ISO strings). */

export const COMPANY_STATUSES = ["active", "inactive"] as const
export type CompanyStatus = (typeof COMPANY_STATUSES)[number]
export const EMPLOYEE_ROLES = ["buyer", "admin"] as const
export type EmployeeRole = (typeof EMPLOYEE_ROLES)[number]
export const SPENDING_LIMIT_PERIODS = ["day", "week", "month", "quarter", "year"] as const
export type SpendingLimitPeriod = (typeof SPENDING_LIMIT_PERIODS)[number]
export const CONTRACT_STATUSES = ["draft", "active", "cancelled"] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]
export const PRICE_IMPORT_ACTIONS = ["add", "change", "remove", "same"] as const
export type PriceImportAction = (typeof PRICE_IMPORT_ACTIONS)[number]
export type PriceImportStatus = "pending" | "validating" | "invalid" | "ready" | "applying" | "applied" | "failed"

export type Company = {
  id: string
  name: string
  tax_id: string | null
  country_code: string | null
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  status: CompanyStatus
  customer_group_id: string
  account_manager_email: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type CompanyListItem = Company & { employee_count: number; contract_count: number; active_contract_count: number }

export type CompanyPayload = Partial<Omit<Company, "id" | "customer_group_id" | "created_at" | "updated_at" | "metadata">>

export type Employee = {
  id: string
  customer_id: string
  company_id: string
  role: EmployeeRole
  spending_limit: number | string | null
  spending_limit_currency_code: string | null
  spending_limit_period: SpendingLimitPeriod | null
  created_at: string
  customer: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  /** What the employee spent in the current UTC period of their limit (orders in its currency, net of refunds); null without a limit. */
  spending?: { limit: string; currency_code: string; period: SpendingLimitPeriod; period_start: string; period_end: string; spent: string; remaining: string } | null
}

export type EmployeePayload = {
  customer_id?: string
  role?: EmployeeRole
  spending_limit: number | null
  spending_limit_currency_code: string | null
  spending_limit_period: SpendingLimitPeriod | null
}

/** The contract's Medusa price list as Medusa applies it. */
export type ContractPriceList = {
  id: string
  title: string
  type: "sale" | "override"
  status: string
  starts_at: string | null
  ends_at: string | null
  rules: Record<string, unknown>
  price_count?: number
}

export type Contract = {
  id: string
  company_id: string
  title: string
  status: ContractStatus
  price_list_id: string
  valid_from: string
  valid_to: string | null
  currency_code: string
  renewal_reminder_days: number
  notes: string | null
  created_at: string
  updated_at: string
  company?: { id: string; name: string; status?: CompanyStatus } | null
  price_list: ContractPriceList | null
}

export type ContractPayload = {
  title?: string
  status?: ContractStatus
  valid_from?: string
  valid_to?: string | null
  currency_code?: string
  renewal_reminder_days?: number
  notes?: string | null
}

export type ContractPrice = {
  id: string
  price_set_id: string
  currency_code: string
  amount: string
  min_quantity: number | null
  max_quantity: number | null
  variant: { id: string; sku: string | null; title: string | null; product_title: string | null } | null
}

export type PriceRowError = { line: number; field: string; message: string }

export type PriceImport = {
  id: string
  contract_id: string
  price_list_id: string
  status: PriceImportStatus
  apply_when_ready: boolean
  file_name: string
  file_size: number
  bytes_read: number
  rows_total: number
  rows_valid: number
  rows_with_errors: number
  errors: PriceRowError[] | null
  added: number
  changed: number
  removed: number
  unchanged: number
  applied: number
  failure: string | null
  created_by: string | null
  started_at: string | null
  validated_at: string | null
  finished_at: string | null
  created_at: string
  updated_at: string
}

export type PriceImportChange = {
  id: string
  action: PriceImportAction
  line: number | null
  variant_id: string | null
  sku: string | null
  variant_title: string | null
  product_title: string | null
  price_set_id: string
  currency_code: string
  min_quantity: number | null
  max_quantity: number | null
  amount: string
  old_amount: string | null
  price_id: string | null
}

export type CheckName = "currency" | "quantity_band" | "status" | "validity" | "list_rules" | "price_rules"

export type ExplainedPrice = {
  id: string
  amount: string
  currency_code: string
  min_quantity: number | null
  max_quantity: number | null
  rules: { attribute: string; operator: string; value: string }[]
  price_list: {
    id: string
    title: string
    type: "sale" | "override"
    status: string
    starts_at: string | null
    ends_at: string | null
    rules: { attribute: string; value: string[] }[]
    contract: { contract_id: string; contract_title: string; company_id: string; company_name: string } | null
  } | null
  checks: { check: CheckName; ok: boolean; detail: string }[]
  applies: boolean
  chosen: boolean
  reason: string
}

export type PriceResolution = {
  context: {
    customer_id: string | null
    company: { id: string; name: string } | null
    customer_groups: { id: string; name: string }[]
    region_id: string | null
    currency_code: string
    quantity: number | null
    at: string
  }
  variant: { id: string; sku: string | null; price_set_id: string }
  medusa: { price_id: string | null; price_list_id: string | null; amount: number | null; agrees: boolean; asked_at: string } | null
  chosen: ExplainedPrice | null
  candidates: ExplainedPrice[]
}

export type PriceDebuggerQuery = {
  customer_id?: string
  company_id?: string
  variant_id: string
  quantity?: number
  region_id?: string
  currency_code?: string
  at?: string
}

export type Page<K extends string, T> = { [key in K]: T[] } & { count: number; limit: number; offset: number }

/** An import still moving on the worker: the page polls it. */
export const isImportRunning = (job: Pick<PriceImport, "status">) => ["pending", "validating", "applying"].includes(job.status)

/** A band as the merchant reads it: "1–9", "500+", "any quantity". */
export function describeBand(min: number | null, max: number | null): string {
  if (min === null && max === null) return "any quantity"
  if (max === null) return `${min}+`
  return `${min ?? 1}–${max}`
}

/** An active contract ending soon, with the renewal reminder sent for that end date (if any). */
export type Renewal = {
  contract_id: string
  title: string
  company_id: string
  company_name: string
  account_manager_email: string | null
  valid_to: string
  renewal_reminder_days: number
  status: "active"
  notice_id: string | null
  notified_at: string | null
  sent_to: string | null
}

export type RenewalRun = { sent: number; without_account_manager: number; failed: number }
