import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import { retrieveCompanies } from "./company-checks"

export const deleteCompaniesStepId = "delete-companies"

type Deleted = { company_ids: string[]; employee_ids: string[]; contract_ids: string[]; group_ids: string[] }

export type DeleteCompaniesResult = { price_list_ids: string[]; contract_ids: string[] }

/**
 * Soft-deletes companies (unknown ids: NOT_FOUND) with their employees, contracts and customer
 * group, and returns the contracts' price lists (deleted next, through Medusa's own step).
 * Compensation restores all of them.
 */
export const deleteCompaniesStep = createStep(
  deleteCompaniesStepId,
  async (ids: string[], { container }) => {
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    const companies = await retrieveCompanies(container, ids)
    const employees = ids.length ? await b2b.listCompanyEmployees({ company_id: ids }, { select: ["id"] }) : []
    const contracts = ids.length ? await b2b.listContracts({ company_id: ids }, { select: ["id", "price_list_id"] }) : []
    const deleted: Deleted = {
      company_ids: ids,
      employee_ids: employees.map((e) => e.id),
      contract_ids: contracts.map((c) => c.id),
      group_ids: companies.map((c) => c.customer_group_id),
    }
    if (deleted.employee_ids.length) await b2b.softDeleteCompanyEmployees(deleted.employee_ids)
    if (deleted.contract_ids.length) await b2b.softDeleteContracts(deleted.contract_ids)
    if (ids.length) await b2b.softDeleteCompanies(ids)
    if (deleted.group_ids.length) await container.resolve(Modules.CUSTOMER).softDeleteCustomerGroups(deleted.group_ids)
    return new StepResponse<DeleteCompaniesResult, Deleted>({ price_list_ids: contracts.map((c) => c.price_list_id), contract_ids: deleted.contract_ids }, deleted)
  },
  async (deleted, { container }) => {
    if (!deleted) {
      return
    }
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    if (deleted.group_ids.length) await container.resolve(Modules.CUSTOMER).restoreCustomerGroups(deleted.group_ids)
    if (deleted.company_ids.length) await b2b.restoreCompanies(deleted.company_ids)
    if (deleted.contract_ids.length) await b2b.restoreContracts(deleted.contract_ids)
    if (deleted.employee_ids.length) await b2b.restoreCompanyEmployees(deleted.employee_ids)
  }
)
