import { reportCsvRoute } from "../../report-route"
import { marketingRevenueReport } from "../report"

/** The marketing-revenue report as a CSV download. */
export const GET = reportCsvRoute(marketingRevenueReport)
