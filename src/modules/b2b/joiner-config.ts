import { defineJoinerConfig } from "@medusajs/framework/utils"
import { Company, CompanyEmployee, Contract, ContractRenewalNotice, PriceImport, PriceImportRow } from "./models"

const MODELS = [Company, CompanyEmployee, Contract, ContractRenewalNotice, PriceImport, PriceImportRow]

/** Each model's own entity name (`b2b_company`…) as the query graph knows it, with the service's CRUD it is read through. */
const SUFFIXES: Record<string, string> = {
  B2bCompany: "Companies",
  B2bCompanyEmployee: "CompanyEmployees",
  B2bContract: "Contracts",
  B2bContractRenewalNotice: "ContractRenewalNotices",
  B2bPriceImport: "PriceImports",
  B2bPriceImportRow: "PriceImportRows",
}

const snake = (entity: string) => entity.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()

/**
 * The query graph reads an entity through `list<Suffix>` of the module's service; by default the
 * suffix is the model's name (listB2bCompanies), while the service's generated methods are named
 * after its keys (listCompanies): the names carry the domain prefix (Medusa owns `company`-like
 * names elsewhere), the methods read as the domain.
 */
export const joinerConfig = defineJoinerConfig("b2b", {
  models: MODELS,
  alias: Object.entries(SUFFIXES).map(([entity, methodSuffix]) => ({
    name: [snake(entity), `${snake(entity)}s`.replace(/ys$/, "ies")],
    entity,
    args: { methodSuffix },
  })),
})
