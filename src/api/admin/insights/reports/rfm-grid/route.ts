import { reportRoute } from "../report-route"

/** Customers and revenue per currency in each recency × frequency cell. */
export const GET = reportRoute("rfm-grid")
