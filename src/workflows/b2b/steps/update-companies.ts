import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { CompanyDTO, UpdateCompanyInput } from "../../../modules/b2b/types"
import { contractPriceListStatus } from "../../../modules/b2b/utils/contract-price-list"
import { assertCompanyNameFree, companyGroupName, retrieveCompanies } from "./company-checks"

export const updateCompaniesStepId = "update-companies"

type Snapshot = { companies: UpdateCompanyInput[]; groups: { id: string; name: string }[] }

export type UpdateCompaniesResult = {
  companies: CompanyDTO[]
  /** Contract price lists whose status follows a changed company status. */
  price_lists: { id: string; status: "active" | "draft" }[]
}

/**
 * Updates companies (unknown ids: NOT_FOUND); a new name renames the company's customer group.
 * Returns the price lists of its contracts whose status must follow a new company status.
 * Compensation restores the changed fields and the group's name.
 */
export const updateCompaniesStep = createStep(
  updateCompaniesStepId,
  async (data: UpdateCompanyInput[], { container }) => {
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    const customers = container.resolve(Modules.CUSTOMER)
    const before = await retrieveCompanies(container, data.map((d) => d.id))
    for (const update of data) {
      const company = before.find((b) => b.id === update.id)!
      if (update.name !== undefined && update.name !== company.name) {
        await assertCompanyNameFree(container, update.name, company)
      }
    }
    const snapshot: Snapshot = {
      companies: data.map((update) => {
        const row = before.find((b) => b.id === update.id)!
        return Object.fromEntries(["id", ...Object.keys(update).filter((k) => k !== "id")].map((k) => [k, row[k as keyof CompanyDTO]])) as UpdateCompanyInput
      }),
      groups: [],
    }
    const companies = data.length ? await b2b.updateCompanies(data) : []
    for (const company of companies) {
      const old = before.find((b) => b.id === company.id)!
      if (company.name !== old.name) {
        snapshot.groups.push({ id: company.customer_group_id, name: companyGroupName(old.name) })
        await customers.updateCustomerGroups(company.customer_group_id, { name: companyGroupName(company.name) })
      }
    }
    const changedStatus = companies.filter((c) => c.status !== before.find((b) => b.id === c.id)!.status)
    const contracts = changedStatus.length
      ? await b2b.listContracts({ company_id: changedStatus.map((c) => c.id) }, { select: ["id", "company_id", "status", "price_list_id"] })
      : []
    const price_lists = contracts.map((contract) => ({
      id: contract.price_list_id,
      status: contractPriceListStatus(contract.status, changedStatus.find((c) => c.id === contract.company_id)!.status),
    }))
    return new StepResponse<UpdateCompaniesResult, Snapshot>({ companies, price_lists }, snapshot)
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    if (snapshot.companies.length) {
      await container.resolve<B2bModuleService>(B2B_MODULE).updateCompanies(snapshot.companies)
    }
    for (const group of snapshot.groups) {
      await container.resolve(Modules.CUSTOMER).updateCustomerGroups(group.id, { name: group.name })
    }
  }
)
