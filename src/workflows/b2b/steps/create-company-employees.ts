import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { CompanyEmployeeDTO, CreateEmployeeInput } from "../../../modules/b2b/types"
import { retrieveCompanies } from "./company-checks"

export type CreateCompanyEmployeesInput = { company_id: string; employees: CreateEmployeeInput[] }

export type CreateCompanyEmployeesResult = { employees: CompanyEmployeeDTO[]; customer_group_id: string; customer_ids: string[] }

export const createCompanyEmployeesStepId = "create-company-employees"

/**
 * Records existing customers as a company's employees (unknown company: NOT_FOUND). A customer
 * must exist and work for no company yet (a customer belongs to one company). Compensation
 * deletes the records.
 */
export const createCompanyEmployeesStep = createStep(
  createCompanyEmployeesStepId,
  async (input: CreateCompanyEmployeesInput, { container }) => {
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    const [company] = await retrieveCompanies(container, [input.company_id])
    const ids = input.employees.map((e) => e.customer_id)
    const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i)
    if (repeated !== -1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `employees[${repeated}].customer_id: "${ids[repeated]}" is given twice`)
    }
    const customers = ids.length ? await container.resolve(Modules.CUSTOMER).listCustomers({ id: ids }, { select: ["id"] }) : []
    const unknown = ids.findIndex((id) => !customers.some((c) => c.id === id))
    if (unknown !== -1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `employees[${unknown}].customer_id: no customer "${ids[unknown]}"`)
    }
    const existing = ids.length ? await b2b.listCompanyEmployees({ customer_id: ids }, { select: ["customer_id", "company_id"] }) : []
    if (existing.length) {
      const index = ids.indexOf(existing[0].customer_id)
      const [other] = await b2b.listCompanies({ id: existing[0].company_id }, { select: ["name"] })
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `employees[${index}].customer_id: customer "${existing[0].customer_id}" is already an employee of ${existing[0].company_id === company.id ? "this company" : `"${other?.name ?? existing[0].company_id}"`}; a customer works for one company`
      )
    }
    const employees = ids.length ? await b2b.createCompanyEmployees(input.employees.map((e) => ({ ...e, company_id: company.id }))) : []
    return new StepResponse<CreateCompanyEmployeesResult, string[]>(
      { employees, customer_group_id: company.customer_group_id, customer_ids: ids },
      employees.map((e) => e.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<B2bModuleService>(B2B_MODULE).deleteCompanyEmployees(ids)
  }
)
