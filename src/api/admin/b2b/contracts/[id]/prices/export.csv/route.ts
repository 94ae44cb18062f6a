import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify"
import { PRICE_CSV_COLUMNS } from "../../../../../../../modules/b2b/utils/price-csv"
import { pagesOfListPrices } from "../../../../../../../workflows/b2b/steps/diff-price-import"
import { refetchB2b } from "../../../../helpers"
import { variantsOfPriceSets } from "../variants"

const PAGE = 2000

/**
 * The contract's prices as the import's CSV (sku, variant_id, currency, amount, min_quantity,
 * max_quantity), streamed a keyset page at a time: flat memory at any size, and importing the
 * file back changes nothing.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const contract = await refetchB2b<{ id: string; price_list_id: string; title: string }>(req.scope, "b2b_contract", req.params.id, ["id", "price_list_id", "title"])
  const pages = pagesOfListPrices(req.scope, contract.price_list_id, PAGE)
  // The first page is read before the first byte, so a failure there is still a JSON error.
  const first = await pages.next()
  async function* rows() {
    let page = first
    while (!page.done) {
      const variants = await variantsOfPriceSets(req.scope, page.value.map((p) => p.price_set_id))
      for (const p of page.value) {
        const variant = variants.get(p.price_set_id)
        yield {
          sku: variant?.sku ?? "",
          variant_id: variant?.id ?? "",
          currency: p.currency_code,
          amount: p.amount,
          min_quantity: p.min_quantity ?? "",
          max_quantity: p.max_quantity ?? "",
        }
      }
      page = await pages.next()
    }
  }
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="contract-prices-${contract.id}.csv"`)
  res.setHeader("cache-control", "no-store")
  res.status(200)
  // A failure after the first byte destroys the response, so a truncated file never looks complete.
  // Values are written as they are (no formula guard): SKUs and ids come from the merchant, and
  // the file must import back exactly.
  await pipeline(Readable.from(rows()), stringify({ header: true, columns: [...PRICE_CSV_COLUMNS] }), res).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") {
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Contract prices CSV export aborted: ${error.message}`)
      }
    }
  )
}
