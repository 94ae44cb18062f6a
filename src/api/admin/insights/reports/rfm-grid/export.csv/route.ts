import { reportCsvRoute } from "../../report-route"
import { rfmGridReport } from "../report"

/** The rfm-grid report as a CSV download. */
export const GET = reportCsvRoute(rfmGridReport)
