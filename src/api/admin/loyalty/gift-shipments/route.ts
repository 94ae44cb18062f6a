import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listGiftShipmentsWorkflow } from "../../../../workflows/loyalty-points/list-gift-shipments"
import type { AdminGiftShipmentsParamsType } from "./validators"

/** The gift-shipment fulfilment queue, oldest first, filtered by status. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGiftShipmentsParamsType>, res: MedusaResponse) => {
  const { status, limit, offset } = req.validatedQuery
  const { result } = await listGiftShipmentsWorkflow(req.scope).run({ input: { status, limit, offset } })
  const gift_shipments = result.gift_shipments.map(({ gift_variant: _giftVariant, ...shipment }) => shipment)
  res.json({ gift_shipments, count: result.count, limit, offset })
}
