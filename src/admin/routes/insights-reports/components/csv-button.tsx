import { ArrowDownTray } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../../../lib/error-message"
import { downloadDocument } from "../../../lib/fetch-document"
import type { ReportName, ReportQuery } from "../types"
import { cleanQuery } from "../use-report"

/** Downloads the report with the parameters on screen as CSV. */
export const CsvButton = ({ name, query }: { name: ReportName; query: ReportQuery }) => {
  const [busy, setBusy] = useState(false)
  const download = async () => {
    setBusy(true)
    try {
      await downloadDocument(`/admin/insights/reports/${name}/export.csv`, cleanQuery(query), `${name}.csv`)
    } catch (error) {
      toast.error("Export failed", { description: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="small" variant="secondary" onClick={download} isLoading={busy}>
      <ArrowDownTray />
      CSV
    </Button>
  )
}
