import { reportRoute } from "../report-route"

/** Revenue, orders and new customers per sales representative. */
export const GET = reportRoute("sales-reps")
