import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchB2b } from "../../helpers"

/**
 * One price import, which the admin polls: status (pending → validating → invalid | ready →
 * applying → applied | failed), bytes read of file_size, rows read, valid and with errors, the
 * first errors (line, field, message), the diff's counts (added, changed, removed, unchanged)
 * and, while applying, how many changes are written.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const price_import = await refetchB2b(req.scope, "b2b_price_import", req.params.id, req.queryConfig.fields)
  res.json({ price_import })
}
