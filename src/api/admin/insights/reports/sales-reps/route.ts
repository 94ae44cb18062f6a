import { reportRoute } from "../report-route"
import { salesRepsReport } from "./report"

/** Revenue, orders and new customers per sales representative. */
export const GET = reportRoute(salesRepsReport)
