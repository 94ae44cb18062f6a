import { reportRoute } from "../report-route"

/** Customer lifetime value by first-order cohort, per currency. */
export const GET = reportRoute("lifetime-value")
