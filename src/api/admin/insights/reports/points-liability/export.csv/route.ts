import { reportCsvRoute } from "../../report-route"
import { pointsLiabilityReport } from "../report"

/** The points-liability report as a CSV download. */
export const GET = reportCsvRoute(pointsLiabilityReport)
