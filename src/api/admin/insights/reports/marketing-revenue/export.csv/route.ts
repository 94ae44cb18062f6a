import { reportCsvRoute } from "../../report-route"

/** The marketing-revenue report as a CSV download. */
export const GET = reportCsvRoute("marketing-revenue")
