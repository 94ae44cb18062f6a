import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REMINDERS_MODULE } from "../../../../modules/reminders"
import type RemindersModuleService from "../../../../modules/reminders/service"
import type { AdminCycleSuggestionParamsType } from "../validators"

/**
 * The learned cycle of a product or variant (with its substitutes) before a rule is saved: the
 * store's median gap per unit and how many gaps it came from.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminCycleSuggestionParamsType>, res: MedusaResponse) => {
  const { product_id, variant_id, substitute_product_ids = [], substitute_variant_ids = [] } = req.validatedQuery
  const suggestion = await req.scope.resolve<RemindersModuleService>(REMINDERS_MODULE).suggestCycle({
    product_ids: variant_id ? substitute_product_ids : [product_id, ...substitute_product_ids],
    variant_ids: variant_id ? [variant_id, ...substitute_variant_ids] : substitute_variant_ids,
  })
  res.json({ suggestion })
}
