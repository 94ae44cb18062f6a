import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteContractsWorkflow } from "../../../../../workflows/b2b/delete-contracts"
import { updateContractsWorkflow } from "../../../../../workflows/b2b/update-contracts"
import { refetchB2b, withPriceLists, type ContractWithList } from "../../helpers"
import type { AdminUpdateContractType } from "../../validators"

async function contractOf(req: AuthenticatedMedusaRequest, id: string) {
  const contract = await refetchB2b<ContractWithList>(req.scope, "b2b_contract", id, [...req.queryConfig.fields, "company.id", "company.name", "company.status"])
  const [withList] = await withPriceLists(req.scope, [contract], { count: true })
  return withList
}

/** One contract with its price list as Medusa applies it (status, dates, the group rule) and how many prices it holds. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ contract: await contractOf(req, req.params.id) })
}

/** Changes a contract; its price list follows (title, validity, status). An overlap with another active contract is a 400 naming it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateContractType>, res: MedusaResponse) => {
  await updateContractsWorkflow(req.scope).run({ input: { contracts: [{ ...req.validatedBody, id: req.params.id }] } })
  res.json({ contract: await contractOf(req, req.params.id) })
}

/** Deletes a contract and its price list. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = req.params.id
  await deleteContractsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "b2b_contract", deleted: true })
}
