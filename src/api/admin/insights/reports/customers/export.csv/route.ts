import { reportCsvRoute } from "../../report-route"
import { customersReport } from "../report"

/** The customers report as a CSV download. */
export const GET = reportCsvRoute(customersReport)
