import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stringify } from "csv-stringify"
import { pipeline } from "node:stream/promises"
import { Readable } from "node:stream"
import { SEGMENTS_MODULE } from "../../../../../../modules/segments"
import type SegmentsModuleService from "../../../../../../modules/segments/service"
import { refetchSegment } from "../../../helpers"

const PAGE = 2000
const COLUMNS = ["customer_id", "email", "first_name", "last_name", "country_code", "city", "order_count", "last_order_at", "main_currency_code", "total_spent", "points_balance", "entered_at"]

/** The segment's members as CSV, streamed page by page (flat memory at any size). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const segment = await refetchSegment(req.scope, req.params.id, ["id", "name"])
  const segments = req.scope.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
  async function* rows() {
    let after: string | null = null
    for (;;) {
      const page = await segments.listMembers({ segment_id: segment.id, limit: PAGE, after })
      for (const member of page) yield member
      if (page.length < PAGE) return
      after = page[page.length - 1].customer_id as string
    }
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="segment-${segment.id}.csv"`)
  await pipeline(
    Readable.from(rows()),
    stringify({
      header: true,
      columns: COLUMNS,
      cast: { date: (d) => d.toISOString() },
    }),
    res
  )
}
