import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminDeleteResponse } from "../../lib/types"
import {
  isImportRunning,
  type Company,
  type CompanyListItem,
  type CompanyPayload,
  type Contract,
  type ContractPayload,
  type ContractPrice,
  type Employee,
  type EmployeePayload,
  type Page,
  type PriceDebuggerQuery,
  type PriceImport,
  type PriceImportAction,
  type PriceImportChange,
  type PriceResolution,
  type Renewal,
  type RenewalRun,
} from "./types"

const BASE = "/admin/b2b"
/** How often a running import is read again. */
const POLL_MS = 1500

export const b2bQueryKeys = {
  all: ["b2b"] as const,
  companies: () => [...b2bQueryKeys.all, "companies"] as const,
  companyList: (query: Record<string, unknown>) => [...b2bQueryKeys.companies(), "list", query] as const,
  company: (id: string) => [...b2bQueryKeys.companies(), "one", id] as const,
  employees: (companyId: string, query: Record<string, unknown>) => [...b2bQueryKeys.company(companyId), "employees", query] as const,
  contracts: () => [...b2bQueryKeys.all, "contracts"] as const,
  contractList: (query: Record<string, unknown>) => [...b2bQueryKeys.contracts(), "list", query] as const,
  contract: (id: string) => [...b2bQueryKeys.contracts(), "one", id] as const,
  contractPrices: (id: string, query: Record<string, unknown>) => [...b2bQueryKeys.contract(id), "prices", query] as const,
  imports: () => [...b2bQueryKeys.all, "price-imports"] as const,
  importList: (contractId: string, query: Record<string, unknown>) => [...b2bQueryKeys.imports(), "list", contractId, query] as const,
  import: (id: string) => [...b2bQueryKeys.imports(), "one", id] as const,
  importChanges: (id: string, query: Record<string, unknown>) => [...b2bQueryKeys.import(id), "changes", query] as const,
  renewals: (query: Record<string, unknown>) => [...b2bQueryKeys.all, "renewals", query] as const,
  resolution: (query: Record<string, unknown>) => [...b2bQueryKeys.all, "price-debugger", query] as const,
}

const get = <T>(path: string, query?: Record<string, unknown>) => sdk.client.fetch<T>(`${BASE}${path}`, query ? { query } : {})
const post = <T>(path: string, body?: Record<string, unknown>) => sdk.client.fetch<T>(`${BASE}${path}`, { method: "POST", body: body ?? {} })
const remove = <T>(path: string) => sdk.client.fetch<T>(`${BASE}${path}`, { method: "DELETE" })

/** A page of companies by name; `q` matches the name or tax id. */
export function useCompanies(query: { limit: number; offset: number; q?: string; status?: string }) {
  return useQuery<Page<"companies", CompanyListItem>, FetchError>({
    queryKey: b2bQueryKeys.companyList(query),
    queryFn: () => get("/companies", query),
    placeholderData: keepPreviousData,
  })
}

export function useCompany(id: string) {
  return useQuery<{ company: Company }, FetchError>({ queryKey: b2bQueryKeys.company(id), queryFn: () => get(`/companies/${id}`) })
}

/**
 * Creates (no id) or updates a company; every company and contract view is read again (a status
 * change drafts its price lists). `onCreated` gets a new company (to open its page).
 */
export function useSaveCompany(onCreated?: (company: Company) => void) {
  const client = useQueryClient()
  return useMutation<{ company: Company }, FetchError, { id?: string; body: CompanyPayload }>({
    mutationFn: ({ id, body }) => post(id ? `/companies/${id}` : "/companies", body),
    onSuccess: ({ company }, { id }) => {
      if (!id) onCreated?.(company)
      return client.invalidateQueries({ queryKey: b2bQueryKeys.all })
    },
  })
}

export function useDeleteCompany() {
  const client = useQueryClient()
  return useMutation<AdminDeleteResponse<"b2b_company">, FetchError, string>({
    mutationFn: (id) => remove(`/companies/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: b2bQueryKeys.all }),
  })
}

export function useEmployees(companyId: string, query: { limit: number; offset: number }) {
  return useQuery<Page<"employees", Employee>, FetchError>({
    queryKey: b2bQueryKeys.employees(companyId, query),
    queryFn: () => get(`/companies/${companyId}/employees`, query),
    placeholderData: keepPreviousData,
  })
}

/** Adds a customer as an employee (no id) or changes an employee's role and spending limit. */
export function useSaveEmployee(companyId: string) {
  const client = useQueryClient()
  return useMutation<{ employee?: Employee; employees?: Employee[] }, FetchError, { id?: string; body: EmployeePayload }>({
    mutationFn: ({ id, body }) => {
      if (id) {
        const { customer_id: _customer, ...update } = body
        return post(`/companies/${companyId}/employees/${id}`, update)
      }
      return post(`/companies/${companyId}/employees`, { employees: [body] })
    },
    onSuccess: () => client.invalidateQueries({ queryKey: b2bQueryKeys.companies() }),
  })
}

export function useRemoveEmployee(companyId: string) {
  const client = useQueryClient()
  return useMutation<AdminDeleteResponse<"b2b_company_employee">, FetchError, string>({
    mutationFn: (id) => remove(`/companies/${companyId}/employees/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: b2bQueryKeys.companies() }),
  })
}

export function useCompanyContracts(companyId: string, query: { limit: number; offset: number }) {
  return useQuery<Page<"contracts", Contract>, FetchError>({
    queryKey: b2bQueryKeys.contractList({ company_id: companyId, ...query }),
    queryFn: () => get(`/companies/${companyId}/contracts`, query),
    placeholderData: keepPreviousData,
  })
}

export function useContract(id: string) {
  return useQuery<{ contract: Contract }, FetchError>({ queryKey: b2bQueryKeys.contract(id), queryFn: () => get(`/contracts/${id}`) })
}

/** Creates a contract of `companyId` (no id) or changes one; its price list follows on the server. `onCreated` gets a new contract. */
export function useSaveContract(companyId: string, onCreated?: (contract: Contract) => void) {
  const client = useQueryClient()
  return useMutation<{ contract: Contract }, FetchError, { id?: string; body: ContractPayload }>({
    mutationFn: ({ id, body }) => post(id ? `/contracts/${id}` : `/companies/${companyId}/contracts`, body as Record<string, unknown>),
    onSuccess: ({ contract }, { id }) => {
      if (!id) onCreated?.(contract)
      return client.invalidateQueries({ queryKey: b2bQueryKeys.all })
    },
  })
}

export function useDeleteContract() {
  const client = useQueryClient()
  return useMutation<AdminDeleteResponse<"b2b_contract">, FetchError, string>({
    mutationFn: (id) => remove(`/contracts/${id}`),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: b2bQueryKeys.contract(id) })
      return client.invalidateQueries({ queryKey: b2bQueryKeys.contracts() })
    },
  })
}

export function useContractPrices(contractId: string, query: { limit: number; offset: number; variant_id?: string }) {
  return useQuery<Page<"prices", ContractPrice>, FetchError>({
    queryKey: b2bQueryKeys.contractPrices(contractId, query),
    queryFn: () => get(`/contracts/${contractId}/prices`, query),
    placeholderData: keepPreviousData,
  })
}

/** Sets one variant's volume tiers in the contract (no tiers: the variant leaves the contract). */
export function useSetVariantTiers(contractId: string) {
  const client = useQueryClient()
  return useMutation<unknown, FetchError, { variant_id: string; tiers: { min_quantity: number | null; max_quantity: number | null; amount: string }[] }>({
    mutationFn: (variant) => post(`/contracts/${contractId}/prices`, { variants: [variant] }),
    onSuccess: () => client.invalidateQueries({ queryKey: b2bQueryKeys.contract(contractId) }),
  })
}

/** A contract's imports, newest first, polled while one of them runs. */
export function usePriceImports(contractId: string, query: { limit: number; offset: number }) {
  return useQuery<Page<"price_imports", PriceImport>, FetchError>({
    queryKey: b2bQueryKeys.importList(contractId, query),
    queryFn: () => get(`/contracts/${contractId}/price-imports`, query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.price_imports.some(isImportRunning) ? POLL_MS : false),
  })
}

/** One import, polled while it is validated or applied; when it ends, the contract's prices are read again. */
export function usePriceImport(id: string | null) {
  const client = useQueryClient()
  return useQuery<{ price_import: PriceImport }, FetchError>({
    queryKey: b2bQueryKeys.import(id ?? ""),
    queryFn: async () => {
      const answer = await get<{ price_import: PriceImport }>(`/price-imports/${id}`)
      if (answer.price_import.status === "applied" || answer.price_import.status === "failed") {
        void client.invalidateQueries({ queryKey: b2bQueryKeys.contract(answer.price_import.contract_id) })
      }
      return answer
    },
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && isImportRunning(q.state.data.price_import) ? POLL_MS : false),
  })
}

/** A keyset page of an import's dry-run diff (`after`: the last row id of the page before). */
export function usePriceImportChanges(id: string, query: { action?: PriceImportAction[]; after?: string; limit: number }, enabled: boolean) {
  return useQuery<{ changes: PriceImportChange[]; limit: number; next_after: string | null }, FetchError>({
    queryKey: b2bQueryKeys.importChanges(id, query),
    // One comma list (the validator splits it), not qs's action[0]=… form.
    queryFn: () => get(`/price-imports/${id}/changes`, { limit: query.limit, ...(query.after ? { after: query.after } : {}), ...(query.action ? { action: query.action.join(",") } : {}) }),
    enabled,
    placeholderData: keepPreviousData,
  })
}

/** Uploads the contract's prices CSV (multipart, field `file`) and starts the dry run; `apply`: apply as soon as it is valid. */
export function useUploadPriceImport(contractId: string) {
  const client = useQueryClient()
  return useMutation<{ price_import: PriceImport }, FetchError, { file: File; apply: boolean }>({
    mutationFn: ({ file, apply }) => {
      const form = new FormData()
      form.append("apply", String(apply))
      form.append("file", file, file.name)
      // The browser sets the multipart boundary itself.
      return sdk.client.fetch(`${BASE}/contracts/${contractId}/price-imports`, { method: "POST", body: form, headers: { "content-type": null } })
    },
    onSuccess: () => client.invalidateQueries({ queryKey: b2bQueryKeys.imports() }),
  })
}

/** Applies a ready import (after the merchant read its diff) on the worker. */
export function useApplyPriceImport() {
  const client = useQueryClient()
  return useMutation<{ price_import: PriceImport }, FetchError, string>({
    mutationFn: (id) => post(`/price-imports/${id}/apply`),
    onSuccess: ({ price_import }) => {
      client.setQueryData(b2bQueryKeys.import(price_import.id), { price_import })
      return client.invalidateQueries({ queryKey: b2bQueryKeys.imports() })
    },
  })
}

/** The price-resolution debugger's answer; runs only once the form is submitted (`query` set). */
export function usePriceResolution(query: PriceDebuggerQuery | null) {
  return useQuery<{ resolution: PriceResolution }, FetchError>({
    queryKey: b2bQueryKeys.resolution(query ?? {}),
    queryFn: () => get("/price-debugger", query as Record<string, unknown>),
    enabled: !!query,
    retry: false,
  })
}

/** Active contracts ending within `within_days`, soonest first, with the reminder sent for that end (if any). */
export function useRenewals(query: { within_days: number; limit: number; offset: number }) {
  return useQuery<Page<"renewals", Renewal>, FetchError>({
    queryKey: b2bQueryKeys.renewals(query),
    queryFn: () => get("/renewals", query),
    placeholderData: keepPreviousData,
  })
}

/** Sends the renewal reminders due now (what the daily job does); each contract and end date is e-mailed once. */
export function useRunRenewals() {
  const client = useQueryClient()
  return useMutation<{ result: RenewalRun }, FetchError, void>({
    mutationFn: () => post("/renewals/run"),
    onSuccess: () => client.invalidateQueries({ queryKey: [...b2bQueryKeys.all, "renewals"] }),
  })
}
