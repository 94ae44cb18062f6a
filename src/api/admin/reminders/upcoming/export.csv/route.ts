import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify"
import { REMINDERS_MODULE } from "../../../../../modules/reminders"
import type { UpcomingReminder } from "../../../../../modules/reminders/utils/read-models"
import type RemindersModuleService from "../../../../../modules/reminders/service"
import { neutralizeFormula } from "../../../loyalty/gift-shipments/csv"
import { refetchReminderRule } from "../../helpers"
import type { AdminUpcomingExportParamsType } from "../../validators"

const PAGE = 1000
const COLUMNS = [
  "due_at",
  "runs_out_at",
  "email",
  "first_name",
  "last_name",
  "customer_id",
  "rule_title",
  "rule_id",
  "product_id",
  "variant_id",
  "reminder_number",
  "units_bought",
  "cycle_days",
  "cycle_source",
  "last_purchase_at",
  "last_quantity",
  "reminder_id",
] as const

const record = (r: UpcomingReminder): Record<(typeof COLUMNS)[number], unknown> => ({
  due_at: new Date(r.due_at),
  runs_out_at: new Date(r.coverage_end),
  email: r.email,
  first_name: r.first_name,
  last_name: r.last_name,
  customer_id: r.customer_id,
  rule_title: r.rule_title,
  rule_id: r.rule_id,
  product_id: r.product_id,
  variant_id: r.variant_id,
  reminder_number: r.sequence,
  units_bought: r.units,
  cycle_days: r.cycle_days,
  cycle_source: r.cycle_source,
  last_purchase_at: r.last_purchase_at ? new Date(r.last_purchase_at) : null,
  last_quantity: r.last_quantity,
  reminder_id: r.id,
})

/** The upcoming reminders as CSV, streamed a keyset page at a time (flat memory at any size). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminUpcomingExportParamsType>, res: MedusaResponse) => {
  const { days, rule_id } = req.validatedQuery
  if (rule_id) {
    await refetchReminderRule(req.scope, rule_id, ["id"])
  }
  const reminders = req.scope.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const now = new Date()
  // The first page is read before the first byte, so a failure there is still a JSON error.
  const first = await reminders.listUpcomingReminders({ days, rule_id, limit: PAGE, now })
  async function* rows() {
    let page = first
    for (;;) {
      yield* page.map(record)
      if (page.length < PAGE) return
      const last = page[page.length - 1]
      page = await reminders.listUpcomingReminders({ days, rule_id, limit: PAGE, now, after: { due_at: last.due_at, id: last.id } })
    }
  }
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="upcoming-reminders-${days}d-${now.toISOString().slice(0, 10)}.csv"`)
  res.setHeader("cache-control", "no-store")
  res.status(200)
  // A failure after the first byte destroys the response, so a truncated file never looks complete.
  await pipeline(
    Readable.from(rows()),
    stringify({
      bom: true,
      header: true,
      columns: [...COLUMNS],
      record_delimiter: "windows",
      cast: { string: neutralizeFormula, date: (date) => date.toISOString() },
    }),
    res
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") {
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Upcoming reminders CSV export aborted: ${error.message}`)
    }
  })
}
