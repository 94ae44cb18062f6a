import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { computeCoPurchasesWorkflow } from "../../../../../workflows/insights/compute-co-purchases"
import type { AdminComputeCoPurchasesType } from "../../validators"

/** Recomputes the co-purchase pairs now (both scopes unless one is named), as the nightly job does. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminComputeCoPurchasesType>, res: MedusaResponse) => {
  const { scope, force } = req.validatedBody
  const { result } = await computeCoPurchasesWorkflow(req.scope).run({ input: { scopes: scope ? [scope] : ["order", "window"], force } })
  res.json({ runs: result })
}
