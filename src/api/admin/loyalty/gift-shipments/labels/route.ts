import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { giftShipmentPages, streamDocument } from "../helpers"
import { giftShipmentLabels, labelsDocumentHead, labelsDocumentTail } from "../labels"
import type { AdminGiftShipmentLabelsParamsType, GiftShipmentStatus } from "../validators"

/** A print-ready A4 page of mailing labels for the shipments in `ids`, or with `status` (pending by default). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGiftShipmentLabelsParamsType>,
  res: MedusaResponse
) => {
  const { ids } = req.validatedQuery
  const status: GiftShipmentStatus[] = req.validatedQuery.status ?? ["pending"]
  let written = 0
  async function* labels() {
    for await (const page of giftShipmentPages(req.scope, ids ? { ids } : { status })) {
      const html = giftShipmentLabels(page, written)
      written += page.length
      yield html
    }
  }
  await streamDocument(
    res,
    { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    { head: labelsDocumentHead("Gift shipment labels"), pages: labels(), tail: () => labelsDocumentTail(written) }
  )
}
