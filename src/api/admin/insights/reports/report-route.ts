import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify"
import { neutralizeFormula } from "../../loyalty/gift-shipments/csv"
import { computeManagementReportWorkflow } from "../../../../workflows/insights/compute-management-report"
import { MANAGEMENT_REPORTS, type ManagementReportName } from "../../../../workflows/insights/reports"
import type { ManagementReport } from "../../../../workflows/insights/reports/report"

async function compute(req: AuthenticatedMedusaRequest, name: ManagementReportName): Promise<object> {
  const { result } = await computeManagementReportWorkflow(req.scope).run({ input: { report: name, params: req.validatedQuery } })
  return result
}

/** GET handler answering a report as JSON: `{ report, params, ...result }`. */
export function reportRoute(name: ManagementReportName) {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const result = await compute(req, name)
    res.json({ report: name, params: req.validatedQuery, ...result })
  }
}

/** GET handler answering a report as a CSV download (UTF-8 with BOM, CRLF, formulas neutralised). */
export function reportCsvRoute(name: ManagementReportName) {
  const report = MANAGEMENT_REPORTS[name] as ManagementReport<never, object>
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    // Computed before the first byte, so a failure is still a JSON error.
    const result = await compute(req, name)
    res.setHeader("content-type", "text/csv; charset=utf-8")
    res.setHeader("content-disposition", `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`)
    res.setHeader("cache-control", "no-store")
    res.status(200)
    await pipeline(
      Readable.from(report.csv.records(result)),
      stringify({
        bom: true,
        header: true,
        columns: [...report.csv.columns],
        record_delimiter: "windows",
        cast: { string: neutralizeFormula, date: (date) => date.toISOString() },
      }),
      res
    ).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") {
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`${name} CSV export aborted: ${error.message}`)
      }
    })
  }
}
