import type { MedusaContainer } from "@medusajs/framework/types"
import { evaluateTiersWorkflow } from "../workflows/loyalty-points/evaluate-tiers"

/** Every night: re-evaluate every customer's tier over the last 12 months (downgrades included). */
export default async function loyaltyEvaluateTiers(container: MedusaContainer) {
  await evaluateTiersWorkflow(container).run({ input: {} })
}

export const config = { name: "loyalty-evaluate-tiers", schedule: "40 2 * * *" }
