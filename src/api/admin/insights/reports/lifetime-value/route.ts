import { reportRoute } from "../report-route"
import { lifetimeValueReport } from "./report"

/** Customer lifetime value by first-order cohort, per currency. */
export const GET = reportRoute(lifetimeValueReport)
