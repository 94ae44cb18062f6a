import { reportRoute } from "../report-route"
import { pointsLiabilityReport } from "./report"

/** Outstanding points and their value per currency, and the monthly points flow. */
export const GET = reportRoute(pointsLiabilityReport)
