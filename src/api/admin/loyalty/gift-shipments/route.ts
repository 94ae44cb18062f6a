import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createGiftShipmentLoader, toGiftShipment, type GiftShipmentRow } from "./helpers"
import type { AdminGiftShipmentsParamsType } from "./validators"

/** The gift-shipment fulfilment queue, oldest first, filtered by status. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGiftShipmentsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { status } = req.validatedQuery
  const { data, metadata } = await query.graph({
    entity: "purchase_reward",
    fields: req.queryConfig.fields,
    filters: { reward_type: "gift_shipment", ...(status ? { status } : {}) },
    pagination: { ...req.queryConfig.pagination, order: { created_at: "ASC", id: "ASC" } },
  })
  const load = createGiftShipmentLoader(req.scope, { giftVariants: false })
  const gift_shipments = (await load(data as GiftShipmentRow[])).map(toGiftShipment)
  res.json({ gift_shipments, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}
