import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchHistoryImport } from "../helpers"
import type { AdminHistoryImportParamsType } from "../validators"

/** One history import: status, progress (bytes read of the total), counts, first errors, unknown SKUs. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminHistoryImportParamsType>, res: MedusaResponse) => {
  const history_import = await refetchHistoryImport(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ history_import })
}
