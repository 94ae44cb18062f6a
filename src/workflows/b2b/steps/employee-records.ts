import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { CompanyEmployeeDTO, UpdateEmployeeInput } from "../../../modules/b2b/types"
import { retrieveCompanies } from "./company-checks"

/** A company's employees by id; NOT_FOUND for an unknown one or one of another company. */
async function employeesOf(b2b: B2bModuleService, company_id: string, ids: string[]): Promise<CompanyEmployeeDTO[]> {
  const employees = ids.length ? await b2b.listCompanyEmployees({ id: ids, company_id }) : []
  const missing = ids.find((id) => !employees.some((e) => e.id === id))
  if (missing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Employee with id "${missing}" not found in this company`)
  }
  return employees
}

export type UpdateCompanyEmployeesInput = { company_id: string; employees: UpdateEmployeeInput[] }

/** Changes employees' role or spending limit; compensation restores the fields it changed. */
export const updateCompanyEmployeesStep = createStep(
  "update-company-employees",
  async (input: UpdateCompanyEmployeesInput, { container }) => {
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    await retrieveCompanies(container, [input.company_id])
    const before = await employeesOf(b2b, input.company_id, input.employees.map((e) => e.id))
    const dataBeforeUpdate = input.employees.map((update) => {
      const row = before.find((b) => b.id === update.id)!
      return Object.fromEntries(Object.keys(update).map((k) => [k, row[k as keyof CompanyEmployeeDTO]])) as UpdateEmployeeInput
    })
    const employees = input.employees.length ? await b2b.updateCompanyEmployees(input.employees) : []
    return new StepResponse(employees, dataBeforeUpdate)
  },
  async (dataBeforeUpdate, { container }) => {
    if (!dataBeforeUpdate?.length) {
      return
    }
    await container.resolve<B2bModuleService>(B2B_MODULE).updateCompanyEmployees(dataBeforeUpdate)
  }
)

export type DeleteCompanyEmployeesInput = { company_id: string; ids: string[] }

export type DeleteCompanyEmployeesResult = { customer_group_id: string; customer_ids: string[] }

/** Soft-deletes employees of a company (not of another one); compensation restores them. */
export const deleteCompanyEmployeesStep = createStep(
  "delete-company-employees",
  async (input: DeleteCompanyEmployeesInput, { container }) => {
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    const [company] = await retrieveCompanies(container, [input.company_id])
    const employees = await employeesOf(b2b, input.company_id, input.ids)
    if (input.ids.length) {
      await b2b.softDeleteCompanyEmployees(input.ids)
    }
    return new StepResponse<DeleteCompanyEmployeesResult, string[]>(
      { customer_group_id: company.customer_group_id, customer_ids: employees.map((e) => e.customer_id) },
      input.ids
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<B2bModuleService>(B2B_MODULE).restoreCompanyEmployees(ids)
  }
)
