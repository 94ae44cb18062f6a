import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createContractsWorkflow } from "../../../../../../workflows/b2b/create-contracts"
import { refetchB2b, withPriceLists, type ContractWithList } from "../../../helpers"
import type { AdminContractsParamsType, AdminCreateContractType } from "../../../validators"

/** A company's contracts, newest validity first, with their price list as Medusa applies it (unknown company: 404). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminContractsParamsType>, res: MedusaResponse) => {
  await refetchB2b(req.scope, "b2b_company", req.params.id, ["id"])
  const { status } = req.validatedQuery
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "b2b_contract",
    fields: req.queryConfig.fields,
    filters: { company_id: req.params.id, ...(status ? { status } : {}) },
    pagination: { ...req.queryConfig.pagination, order: { valid_from: "DESC", id: "ASC" } },
  })
  res.json({ contracts: await withPriceLists(req.scope, data as ContractWithList[]), count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/**
 * Creates a contract of the company: a Medusa price list of type override ruled on the company's
 * group (`customer.groups.id`), valid from valid_from to valid_to. An active contract may not
 * overlap another active one of the company (400 naming it).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateContractType>, res: MedusaResponse) => {
  await refetchB2b(req.scope, "b2b_company", req.params.id, ["id"])
  const { result } = await createContractsWorkflow(req.scope).run({ input: { contracts: [{ ...req.validatedBody, company_id: req.params.id }] } })
  const contract = await refetchB2b<ContractWithList>(req.scope, "b2b_contract", result[0].id, req.queryConfig.fields)
  const [withList] = await withPriceLists(req.scope, [contract], { count: true })
  res.json({ contract: withList })
}
