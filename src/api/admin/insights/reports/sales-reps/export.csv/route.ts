import { reportCsvRoute } from "../../report-route"
import { salesRepsReport } from "../report"

/** The sales-reps report as a CSV download. */
export const GET = reportCsvRoute(salesRepsReport)
