import { reportRoute } from "../report-route"
import { marketingRevenueReport } from "./report"

/** Revenue from e-mail campaigns and repurchase reminders per month and currency, beside the store's. */
export const GET = reportRoute(marketingRevenueReport)
