import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteTiersWorkflow, updateTiersWorkflow } from "../../../../../workflows/loyalty-points/upsert-tiers"
import { refetchTier } from "../helpers"
import type { AdminUpdateTierType } from "../validators"

/** Retrieves one loyalty tier. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const tier = await refetchTier(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ tier })
}

/** Updates a loyalty tier; only the fields sent change. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateTierType>, res: MedusaResponse) => {
  await updateTiersWorkflow(req.scope).run({
    input: { tiers: [{ ...req.validatedBody, id: req.params.id }] },
  })
  const tier = await refetchTier(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ tier })
}

/** Deletes a loyalty tier (soft delete). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = req.params.id
  await deleteTiersWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "loyalty_tier", deleted: true })
}
