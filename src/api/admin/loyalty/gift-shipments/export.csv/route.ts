import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { giftShipmentCsvRecord, giftShipmentCsvStream } from "../csv"
import { giftShipmentPages } from "../helpers"
import type { AdminGiftShipmentsExportParamsType } from "../validators"

/** Streams the gift shipments (all, or those with `status`) as a CSV packing list, oldest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGiftShipmentsExportParamsType>,
  res: MedusaResponse
) => {
  const { status } = req.validatedQuery
  const pages = giftShipmentPages(req.scope, { status })
  // The first page is read before the first byte, so a failure there is still a JSON error.
  const first = await pages.next()
  async function* records() {
    for (let page = first; !page.done; page = await pages.next()) {
      yield* page.value.map(giftShipmentCsvRecord)
    }
  }
  const filename = `gift-shipments-${status?.join("-") ?? "all"}-${new Date().toISOString().slice(0, 10)}.csv`
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${filename}"`)
  res.setHeader("cache-control", "no-store")
  res.status(200)
  // Waits for the client to drain; a later failure destroys the response, so a truncated file is
  // never mistaken for a complete one.
  await pipeline(Readable.from(records()), giftShipmentCsvStream(), res).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") {
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Gift shipment CSV export aborted: ${error.message}`)
    }
  })
}
