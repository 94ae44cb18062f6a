import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { B2B_MODULE } from "../../../../modules/b2b"
import type B2bModuleService from "../../../../modules/b2b/service"
import type { AdminRenewalsParamsType } from "../validators"

/** Active contracts ending within `within_days` (default 60), soonest first, with the renewal reminder sent for that end (if any). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminRenewalsParamsType>, res: MedusaResponse) => {
  const { within_days, limit, offset } = req.validatedQuery
  const { items, count } = await req.scope.resolve<B2bModuleService>(B2B_MODULE).listRenewals({ now: new Date(), within_days, limit, offset })
  res.json({ renewals: items, count, limit, offset })
}
