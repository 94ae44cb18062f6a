import { reportCsvRoute } from "../../report-route"

/** The sales-reps report as a CSV download. */
export const GET = reportCsvRoute("sales-reps")
