import { reportCsvRoute } from "../../report-route"
import { cohortRetentionReport } from "../report"

/** The cohort-retention report as a CSV download. */
export const GET = reportCsvRoute(cohortRetentionReport)
