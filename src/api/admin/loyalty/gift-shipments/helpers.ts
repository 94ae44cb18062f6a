import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { GiftShipmentStatus, GiftShipmentWithVariant } from "../../../../modules/loyalty-points/types"
import { listGiftShipmentsWorkflow } from "../../../../workflows/loyalty-points/list-gift-shipments"
import { GIFT_SHIPMENT_EXPORT_PAGE_SIZE } from "./query-config"

/**
 * Walks the gift shipments in id order (ids are time-ordered, so oldest first), one page at a
 * time, each page read with its customers, rules and gift variants by listGiftShipmentsWorkflow:
 * keyset on the id, so a page costs the same however deep the export is and a row written
 * meanwhile is neither skipped nor repeated. Unknown `ids` fail with NOT_FOUND before the first page.
 */
export async function* giftShipmentPages(
  scope: MedusaContainer,
  filters: { status?: GiftShipmentStatus[]; ids?: string[] },
  pageSize = GIFT_SHIPMENT_EXPORT_PAGE_SIZE
): AsyncGenerator<GiftShipmentWithVariant[]> {
  let after: string | null = null
  for (;;) {
    const { result } = await listGiftShipmentsWorkflow(scope).run({
      input: { ...filters, after, limit: pageSize, gift_variants: true },
    })
    const page = result.gift_shipments
    if (page.length) {
      yield page
    }
    if (page.length < pageSize) {
      return
    }
    after = page[page.length - 1].id
  }
}

/**
 * Streams a document made of a head, one chunk per page and a tail (computed at the end), waiting for the client to
 * drain each chunk. Errors before the first byte reach Medusa's error handler (a JSON error);
 * later ones abort the connection, so a truncated file is never mistaken for a complete one.
 */
export async function streamDocument(
  res: MedusaResponse,
  headers: Record<string, string>,
  parts: { head: string; pages: AsyncIterable<string>; tail: () => string }
) {
  const iterator = parts.pages[Symbol.asyncIterator]()
  let next = await iterator.next()
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value)
  }
  res.status(200)
  try {
    await write(res, parts.head)
    while (!next.done) {
      if (res.destroyed) {
        await iterator.return?.(undefined)
        return
      }
      await write(res, next.value)
      next = await iterator.next()
    }
    res.end(parts.tail())
  } catch (error) {
    res.destroy(error as Error)
  }
}

async function write(res: MedusaResponse, chunk: string) {
  if (!chunk || res.write(chunk)) {
    return
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done)
      res.off("close", done)
      resolve()
    }
    res.on("drain", done)
    res.on("close", done)
    if (res.destroyed) {
      done()
    }
  })
}
