import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resumeHistoryImportWorkflow } from "../../../../../../workflows/customer-facts/import-history-resume"
import { refetchHistoryImport } from "../../helpers"
import type { AdminHistoryImportParamsType } from "../../validators"

/** Runs a failed or stalled import again in the background; it continues after its last saved line. */
export const POST = async (req: AuthenticatedMedusaRequest<unknown, AdminHistoryImportParamsType>, res: MedusaResponse) => {
  await resumeHistoryImportWorkflow(req.scope).run({ input: { id: req.params.id } })
  const history_import = await refetchHistoryImport(req.scope, req.params.id, req.queryConfig.fields)
  res.status(202).json({ history_import })
}
