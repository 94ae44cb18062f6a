import { reportCsvRoute } from "../../report-route"

/** The customers report as a CSV download. */
export const GET = reportCsvRoute("customers")
