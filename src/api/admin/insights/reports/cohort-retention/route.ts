import { reportRoute } from "../report-route"
import { cohortRetentionReport } from "./report"

/** Retention of first-order cohorts month by month. */
export const GET = reportRoute(cohortRetentionReport)
