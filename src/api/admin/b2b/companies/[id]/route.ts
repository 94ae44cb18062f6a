import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCompaniesWorkflow } from "../../../../../workflows/b2b/delete-companies"
import { updateCompaniesWorkflow } from "../../../../../workflows/b2b/update-companies"
import { refetchB2b } from "../../helpers"
import type { AdminUpdateCompanyType } from "../../validators"

/** Retrieves one company. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const company = await refetchB2b(req.scope, "b2b_company", req.params.id, req.queryConfig.fields)
  res.json({ company })
}

/** Updates a company; a new name renames its group, a new status drafts or reactivates its contract price lists. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCompanyType>, res: MedusaResponse) => {
  await updateCompaniesWorkflow(req.scope).run({ input: { companies: [{ ...req.validatedBody, id: req.params.id }] } })
  const company = await refetchB2b(req.scope, "b2b_company", req.params.id, req.queryConfig.fields)
  res.json({ company })
}

/** Deletes a company with its employees, contracts, their price lists and its customer group. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = req.params.id
  await deleteCompaniesWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "b2b_company", deleted: true })
}
