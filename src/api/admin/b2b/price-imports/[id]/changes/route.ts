import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { B2B_MODULE } from "../../../../../../modules/b2b"
import type B2bModuleService from "../../../../../../modules/b2b/service"
import { variantsOfPriceSets } from "../../../contracts/[id]/prices/variants"
import { refetchB2b } from "../../../helpers"
import type { AdminPriceImportChangesParamsType } from "../../../validators"

const ALL_ACTIONS = ["add", "change", "remove", "same"] as const

/**
 * The rows of an import's dry-run diff, a keyset page at a time (`after` the last id), file lines
 * in line order then removed prices: action (add / change / remove / same), the line, variant,
 * band, the new amount and the old one. Empty for an invalid import (nothing was staged).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPriceImportChangesParamsType>, res: MedusaResponse) => {
  const job = await refetchB2b<{ id: string }>(req.scope, "b2b_price_import", req.params.id, ["id"])
  const { action, after, limit } = req.validatedQuery
  const rows = await req.scope.resolve<B2bModuleService>(B2B_MODULE).listPriceImportChanges({ import_id: job.id, actions: action ?? [...ALL_ACTIONS], after, limit })
  const variants = await variantsOfPriceSets(req.scope, rows.map((r) => r.price_set_id))
  res.json({
    changes: rows.map((r) => {
      const variant = variants.get(r.price_set_id)
      return { ...r, variant_id: r.variant_id ?? variant?.id ?? null, sku: variant?.sku ?? null, variant_title: variant?.title ?? null, product_title: variant?.product_title ?? null }
    }),
    limit,
    next_after: rows.length === limit ? rows[rows.length - 1].id : null,
  })
}
