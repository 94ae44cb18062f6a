import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createHistoryImportWorkflow } from "../../../../workflows/customer-facts/import-history-create"
import { refetchHistoryImport } from "./helpers"
import { storedUploads } from "./upload"
import type { AdminCreateHistoryImportType, AdminHistoryImportsParamsType } from "./validators"

/** Lists history imports, newest first (the admin page polls it for progress). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminHistoryImportsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { status } = req.validatedQuery
  const { data: history_imports, metadata } = await query.graph({
    entity: "history_import",
    fields: req.queryConfig.fields,
    filters: status ? { status } : {},
    pagination: { ...req.queryConfig.pagination, order: { created_at: "DESC", id: "DESC" } },
  })
  res.json({ history_imports, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/**
 * Uploads customers.csv and/or orders.csv (multipart fields `customers`, `orders`; `dry_run`) and
 * starts the import in the background: 202 with the pending import, whose progress GET :id shows.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateHistoryImportType>, res: MedusaResponse) => {
  const uploads = storedUploads(req)
  if (!uploads.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "customers or orders: attach customers.csv, orders.csv or both")
  }
  const file = (field: "customers" | "orders") => {
    const upload = uploads.find((u) => u.field === field)
    return upload ? { file_key: upload.key, name: upload.name, size: upload.size } : null
  }
  const { result } = await createHistoryImportWorkflow(req.scope).run({
    input: {
      dry_run: req.validatedBody.dry_run ?? false,
      customers: file("customers"),
      orders: file("orders"),
      created_by: req.auth_context.actor_id,
      run_in_background: true,
    },
  })
  const history_import = await refetchHistoryImport(req.scope, result.id, req.queryConfig.fields)
  res.status(202).json({ history_import })
}
