import type { MedusaContainer } from "@medusajs/framework/types"
import { recomputeRfmWorkflow } from "../workflows/customer-facts/recompute-rfm"

/** Nightly: RFM boundaries and scores, the store order gap and churn risk for everyone (recency and overdue days move with time). */
export default async function customerFactsNightly(container: MedusaContainer) {
  await recomputeRfmWorkflow(container).run({ input: {} })
}

export const config = { name: "customer-facts-nightly", schedule: "30 2 * * *" }
