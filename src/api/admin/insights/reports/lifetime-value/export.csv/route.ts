import { reportCsvRoute } from "../../report-route"
import { lifetimeValueReport } from "../report"

/** The lifetime-value report as a CSV download. */
export const GET = reportCsvRoute(lifetimeValueReport)
