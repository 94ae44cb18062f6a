import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createPriceImportWorkflow } from "../../../../../../workflows/b2b/create-price-import"
import { refetchB2b } from "../../../helpers"
import { PRICE_UPLOAD_FIELD, storedPriceFile } from "../../../upload"
import type { AdminCreatePriceImportType, AdminPriceImportsParamsType } from "../../../validators"

/** A contract's price imports, newest first (unknown contract: 404). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPriceImportsParamsType>, res: MedusaResponse) => {
  await refetchB2b(req.scope, "b2b_contract", req.params.id, ["id"])
  const { status } = req.validatedQuery
  const { data: price_imports, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "b2b_price_import",
    fields: req.queryConfig.fields,
    filters: { contract_id: req.params.id, ...(status ? { status } : {}) },
    pagination: { ...req.queryConfig.pagination, order: { created_at: "DESC", id: "DESC" } },
  })
  res.json({ price_imports, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/**
 * Uploads the contract's prices as a CSV (multipart field `file`: sku or variant_id, currency,
 * amount, min_quantity, max_quantity; `apply`: apply as soon as it is valid) and starts the dry
 * run on the worker: 202 with the pending import, whose progress, errors and diff GET
 * /admin/b2b/price-imports/:id shows. The file is the contract's whole price list.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePriceImportType>, res: MedusaResponse) => {
  const file = storedPriceFile(req)
  if (!file) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${PRICE_UPLOAD_FIELD}: attach the prices CSV`)
  }
  const { result } = await createPriceImportWorkflow(req.scope).run({
    input: {
      contract_id: req.params.id,
      file: { file_key: file.key, name: file.name, size: file.size },
      apply_when_ready: req.validatedBody.apply ?? false,
      created_by: req.auth_context.actor_id,
    },
  })
  const price_import = await refetchB2b(req.scope, "b2b_price_import", result.id, req.queryConfig.fields)
  res.status(202).json({ price_import })
}
