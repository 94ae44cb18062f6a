import { reportCsvRoute } from "../../report-route"

/** The lifetime-value report as a CSV download. */
export const GET = reportCsvRoute("lifetime-value")
