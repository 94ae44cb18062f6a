import { reportRoute } from "../report-route"

/** Revenue from e-mail campaigns and repurchase reminders per month and currency, beside the store's. */
export const GET = reportRoute("marketing-revenue")
