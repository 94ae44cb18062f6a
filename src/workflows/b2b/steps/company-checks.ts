import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { CompanyDTO } from "../../../modules/b2b/types"

/** The name of a company's customer group (kept equal to the company's name). */
export const companyGroupName = (name: string) => `Company: ${name}`

/** The companies by id; NOT_FOUND naming the first unknown one. */
export async function retrieveCompanies(container: MedusaContainer, ids: string[]): Promise<CompanyDTO[]> {
  const companies = ids.length ? await container.resolve<B2bModuleService>(B2B_MODULE).listCompanies({ id: ids }) : []
  const missing = ids.find((id) => !companies.some((c) => c.id === id))
  if (missing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Company with id "${missing}" not found`)
  }
  return ids.map((id) => companies.find((c) => c.id === id)!)
}

/**
 * A company's name is unique among companies, and its customer group's name among customer
 * groups (Medusa refuses a second group of the same name).
 */
export async function assertCompanyNameFree(container: MedusaContainer, name: string, self?: Pick<CompanyDTO, "id" | "customer_group_id">): Promise<void> {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const [taken] = await b2b.listCompanies({ name }, { select: ["id"] })
  if (taken && taken.id !== self?.id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `name: a company named "${name}" exists already (${taken.id})`)
  }
  const [group] = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ name: companyGroupName(name) }, { select: ["id"] })
  if (group && group.id !== self?.customer_group_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `name: the customer group "${companyGroupName(name)}" exists already (${group.id}); choose another company name`)
  }
}
