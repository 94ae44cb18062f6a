import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withPriceLists, type ContractWithList } from "../helpers"
import type { AdminContractsParamsType } from "../validators"

/** All contracts (filter by company or status), soonest ending first, with their price lists. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminContractsParamsType>, res: MedusaResponse) => {
  const { company_id, status } = req.validatedQuery
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "b2b_contract",
    fields: [...req.queryConfig.fields, "company.id", "company.name"],
    filters: { ...(company_id ? { company_id } : {}), ...(status ? { status } : {}) },
    pagination: { ...req.queryConfig.pagination, order: { valid_to: "ASC", id: "ASC" } },
  })
  res.json({ contracts: await withPriceLists(req.scope, data as ContractWithList[]), count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}
