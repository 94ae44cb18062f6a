import { reportRoute } from "../report-route"

/** New, returning and active customers per month and the period's repeat-purchase rate. */
export const GET = reportRoute("customers")
