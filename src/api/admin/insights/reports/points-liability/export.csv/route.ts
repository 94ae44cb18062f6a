import { reportCsvRoute } from "../../report-route"

/** The points-liability report as a CSV download. */
export const GET = reportCsvRoute("points-liability")
