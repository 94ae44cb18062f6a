import { reportCsvRoute } from "../../report-route"

/** The rfm-grid report as a CSV download. */
export const GET = reportCsvRoute("rfm-grid")
