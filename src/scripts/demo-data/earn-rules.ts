import type { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_POINTS_MODULE } from "../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../modules/loyalty-points/service"

/** The demo store's earn rules: about one point per dollar's worth in every currency. */
const DEMO_EARN_RULES = [
  { name: "Pharmacy: 1 point per NT$10", currency_code: "twd", points_per_unit: 0.1 },
  { name: "Europe: 1 point per €1", currency_code: "eur", points_per_unit: 1 },
  { name: "North America: 1 point per $1", currency_code: "usd", points_per_unit: 1 },
  { name: "Asia Pacific: 1 point per ¥100", currency_code: "jpy", points_per_unit: 0.01 },
]

/** Creates the demo earn rules that do not exist yet (matched by name). */
export async function ensureDemoEarnRules(container: MedusaContainer) {
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const existing = await loyalty.listEarnRules({ name: DEMO_EARN_RULES.map((r) => r.name) })
  const missing = DEMO_EARN_RULES.filter((r) => !existing.some((e) => e.name === r.name))
  if (missing.length) {
    await loyalty.createEarnRules(missing)
  }
}
