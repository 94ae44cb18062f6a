import type { MedusaContainer } from "@medusajs/framework/types"
import { computeCoPurchasesWorkflow } from "../workflows/insights/compute-co-purchases"

/** Nightly, after the facts: co-purchase pairs of both scopes (skipped when no purchase changed). */
export default async function insightsCoPurchases(container: MedusaContainer) {
  await computeCoPurchasesWorkflow(container).run({ input: { scopes: ["order", "window"] } })
}

export const config = { name: "insights-co-purchases", schedule: "45 3 * * *" }
