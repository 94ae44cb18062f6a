import type { InferTypeOf } from "@medusajs/framework/types"
import type { Company, CompanyEmployee, Contract, ContractRenewalNotice, PriceImport } from "./models"

export type CompanyDTO = InferTypeOf<typeof Company>
export type CompanyEmployeeDTO = InferTypeOf<typeof CompanyEmployee>
export type ContractDTO = InferTypeOf<typeof Contract>
export type ContractRenewalNoticeDTO = InferTypeOf<typeof ContractRenewalNotice>
export type PriceImportDTO = InferTypeOf<typeof PriceImport>

export type CompanyStatus = CompanyDTO["status"]
export type ContractStatus = ContractDTO["status"]
export type EmployeeRole = CompanyEmployeeDTO["role"]
export type PriceImportStatus = PriceImportDTO["status"]

export type CreateCompanyInput = {
  name: string
  tax_id?: string | null
  country_code?: string | null
  contact_name?: string | null
  contact_email?: string | null
  contact_phone?: string | null
  status?: CompanyStatus
  account_manager_email?: string | null
  metadata?: Record<string, unknown> | null
}

export type UpdateCompanyInput = Partial<CreateCompanyInput> & { id: string }

export type CreateEmployeeInput = {
  customer_id: string
  role?: EmployeeRole
  spending_limit?: number | null
  spending_limit_currency_code?: string | null
  spending_limit_period?: CompanyEmployeeDTO["spending_limit_period"]
}

export type UpdateEmployeeInput = Partial<Omit<CreateEmployeeInput, "customer_id">> & { id: string }

export type CreateContractInput = {
  company_id: string
  title: string
  status?: ContractStatus
  valid_from: Date
  valid_to?: Date | null
  currency_code: string
  renewal_reminder_days?: number
  notes?: string | null
}

export type UpdateContractInput = Partial<Omit<CreateContractInput, "company_id">> & { id: string }

/** A contract as the overlap rule sees it. */
export type ContractPeriod = { id?: string; company_id: string; status: ContractStatus; valid_from: Date; valid_to: Date | null }

/** One problem with one line of a price CSV; `field` is a column, or `row` for the line as a whole. */
export type PriceRowError = { line: number; field: string; message: string }

/** A valid line of a price CSV, with the variant and price set it resolved to. */
export type StagedPriceRow = {
  line: number
  variant_id: string
  price_set_id: string
  currency_code: string
  amount: string
  min_quantity: number | null
  max_quantity: number | null
}

/** A price of the contract's price list as the diff sees it. */
export type ListPrice = {
  id: string
  price_set_id: string
  currency_code: string
  amount: string
  min_quantity: number | null
  max_quantity: number | null
}

export type PriceImportAction = "add" | "change" | "remove" | "same"

export type PriceImportCounts = { added: number; changed: number; removed: number; unchanged: number }

/** One row of an import's diff, as the admin preview shows it. */
export type PriceImportChange = {
  id: string
  action: PriceImportAction
  line: number | null
  variant_id: string | null
  price_set_id: string
  currency_code: string
  min_quantity: number | null
  max_quantity: number | null
  amount: string
  old_amount: string | null
  price_id: string | null
}

export type B2bOptions = {
  /** Rows per batch when an import is read, staged and applied. */
  importBatchSize?: number
  /** Batches an import applies at once (each its own transaction through the Pricing module). */
  importApplyConcurrency?: number
  /** Notification template of the renewal reminder (channel email). */
  renewalTemplate?: string
}

export type ResolvedB2bOptions = Required<B2bOptions>

export const B2B_DEFAULTS: ResolvedB2bOptions = {
  importBatchSize: 2000,
  importApplyConcurrency: 2,
  renewalTemplate: "b2b-contract-renewal",
}
