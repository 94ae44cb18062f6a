import { reportRoute } from "../report-route"

/** Retention of first-order cohorts month by month. */
export const GET = reportRoute("cohort-retention")
