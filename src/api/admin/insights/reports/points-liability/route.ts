import { reportRoute } from "../report-route"

/** Outstanding points and their value per currency, and the monthly points flow. */
export const GET = reportRoute("points-liability")
