import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fulfillGiftShipmentsWorkflow } from "../../../../../workflows/loyalty-points/fulfill-gift-shipments"
import type { AdminFulfillGiftShipmentsType } from "../validators"

/** Marks pending gift shipments as sent by the admin calling; reports those already fulfilled or cancelled. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminFulfillGiftShipmentsType>, res: MedusaResponse) => {
  const { ids, note } = req.validatedBody
  const { result } = await fulfillGiftShipmentsWorkflow(req.scope).run({
    input: { ids, note, actor_id: req.auth_context.actor_id },
  })
  res.json(result)
}
