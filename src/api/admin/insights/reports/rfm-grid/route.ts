import { reportRoute } from "../report-route"
import { rfmGridReport } from "./report"

/** Customers and revenue per currency in each recency × frequency cell. */
export const GET = reportRoute(rfmGridReport)
