import { reportCsvRoute } from "../../report-route"

/** The cohort-retention report as a CSV download. */
export const GET = reportCsvRoute("cohort-retention")
