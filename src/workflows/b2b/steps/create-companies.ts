import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { CompanyDTO, CreateCompanyInput } from "../../../modules/b2b/types"
import { assertCompanyNameFree, companyGroupName } from "./company-checks"

export const createCompaniesStepId = "create-companies"

/**
 * Creates companies, each with its own Medusa customer group ("Company: <name>", created through
 * the Customer module). Compensated by deleting both.
 */
export const createCompaniesStep = createStep(
  createCompaniesStepId,
  async (data: CreateCompanyInput[], { container }) => {
    const names = data.map((d) => d.name)
    const repeated = names.find((n, i) => names.indexOf(n) !== i)
    if (repeated) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `name: "${repeated}" is given twice`)
    }
    for (const company of data) {
      await assertCompanyNameFree(container, company.name)
    }
    const customers = container.resolve(Modules.CUSTOMER)
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    const groups = data.length ? await customers.createCustomerGroups(data.map((d) => ({ name: companyGroupName(d.name), metadata: { managed_by: "b2b" } }))) : []
    let companies: CompanyDTO[] = []
    try {
      companies = data.length ? await b2b.createCompanies(data.map((d, i) => ({ ...d, customer_group_id: groups[i].id }))) : []
    } catch (e) {
      await customers.deleteCustomerGroups(groups.map((g) => g.id))
      throw e
    }
    return new StepResponse(companies, { company_ids: companies.map((c) => c.id), group_ids: groups.map((g) => g.id) })
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    if (created.company_ids.length) {
      await container.resolve<B2bModuleService>(B2B_MODULE).deleteCompanies(created.company_ids)
    }
    if (created.group_ids.length) {
      await container.resolve(Modules.CUSTOMER).deleteCustomerGroups(created.group_ids)
    }
  }
)
