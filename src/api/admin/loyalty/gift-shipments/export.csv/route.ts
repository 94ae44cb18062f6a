import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIFT_SHIPMENT_CSV_COLUMNS, csvRecord, giftShipmentCsvRecord } from "../csv"
import { createGiftShipmentLoader, giftShipmentPages, streamDocument } from "../helpers"
import type { AdminGiftShipmentsExportParamsType } from "../validators"

/** Streams the gift shipments (all, or those with `status`) as a CSV packing list, oldest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGiftShipmentsExportParamsType>,
  res: MedusaResponse
) => {
  const { status } = req.validatedQuery
  const load = createGiftShipmentLoader(req.scope)
  async function* records() {
    for await (const rows of giftShipmentPages(req.scope, { status })) {
      yield (await load(rows)).map(giftShipmentCsvRecord).join("")
    }
  }
  const filename = `gift-shipments-${status?.join("-") ?? "all"}-${new Date().toISOString().slice(0, 10)}.csv`
  await streamDocument(
    res,
    {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
    // The byte order mark lets spreadsheet programs read the names as UTF-8.
    { head: `\uFEFF${csvRecord(GIFT_SHIPMENT_CSV_COLUMNS)}`, pages: records(), tail: () => "" }
  )
}
