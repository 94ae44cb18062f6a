import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestPriceImportApplyWorkflow } from "../../../../../../workflows/b2b/request-price-import-apply"
import { refetchB2b } from "../../../helpers"

/**
 * Applies a ready import (the merchant confirmed its diff) on the worker, in batches: 202 with
 * the import, whose `applied` count GET /admin/b2b/price-imports/:id shows; a failure rolls
 * everything back (status failed, the price list as before). An import that is not ready: 400.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await requestPriceImportApplyWorkflow(req.scope).run({ input: { import_id: req.params.id } })
  const price_import = await refetchB2b(req.scope, "b2b_price_import", req.params.id, req.queryConfig.fields)
  res.status(202).json({ price_import })
}
