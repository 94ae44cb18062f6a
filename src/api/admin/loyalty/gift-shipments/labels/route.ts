import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertGiftShipmentsExist, createGiftShipmentLoader, giftShipmentPages, streamDocument } from "../helpers"
import { giftShipmentLabels, labelsDocumentHead, labelsDocumentTail } from "../labels"
import type { AdminGiftShipmentLabelsParamsType, GiftShipmentStatus } from "../validators"

/** A print-ready A4 page of mailing labels for the shipments in `ids`, or with `status` (pending by default). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGiftShipmentLabelsParamsType>,
  res: MedusaResponse
) => {
  const { ids } = req.validatedQuery
  if (ids) {
    await assertGiftShipmentsExist(req.scope, ids)
  }
  const status: GiftShipmentStatus[] = req.validatedQuery.status ?? ["pending"]
  const filters = ids ? { ids } : { status }
  const load = createGiftShipmentLoader(req.scope)
  let written = 0
  async function* labels() {
    for await (const rows of giftShipmentPages(req.scope, filters)) {
      const html = giftShipmentLabels(await load(rows), written)
      written += rows.length
      yield html
    }
  }
  await streamDocument(
    res,
    { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    { head: labelsDocumentHead("Gift shipment labels"), pages: labels(), tail: () => labelsDocumentTail(written) }
  )
}
