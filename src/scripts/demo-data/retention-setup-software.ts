import type { MedusaContainer } from "@medusajs/framework/types"
import { INSIGHTS_MODULE } from "../../modules/insights"
import type InsightsModuleService from "../../modules/insights/service"
import { createUpgradePathsWorkflow } from "../../workflows/insights/create-upgrade-paths"
import { CATALOG } from "./catalog"
import type { DemoStore } from "./store-setup"

/** The editions PixelForge is sold in, as the catalogue's 2.0 variants name them (SW-PF2-EN → English). */
export function demoUpgradeEditions(): { from: string; to: string; edition: string }[] {
  const v2 = CATALOG.software.find((p) => p.handle === "pixelforge-2-0")!
  return v2.variants.map((v) => ({ from: v.sku, to: v.sku.replace("SW-PF2-", "SW-PF3-"), edition: v.options.Edition }))
}

/**
 * PixelForge 2.0 → 3.0, one path per edition (the English 2.0 owner is offered the English 3.0),
 * so the `upgrade_available` segment condition and the store's upgrade offers answer on the demo.
 * Matched by the 2.0 variant: a second run adds nothing.
 */
export async function ensureSoftwareUpgradePaths(container: MedusaContainer, store: DemoStore): Promise<number> {
  const editions = demoUpgradeEditions().filter((e) => store.variantBySku[e.from] && store.variantBySku[e.to])
  if (!editions.length) {
    return 0
  }
  const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
  const existing = await insights.listUpgradePaths({ product_id: store.variantBySku[editions[0].from].product_id }, { select: ["variant_id"] })
  const missing = editions.filter((e) => !existing.some((p) => p.variant_id === store.variantBySku[e.from].id))
  if (missing.length) {
    await createUpgradePathsWorkflow(container).run({
      input: {
        paths: missing.map((e) => ({
          product_id: store.variantBySku[e.from].product_id,
          variant_id: store.variantBySku[e.from].id,
          successor_product_id: store.variantBySku[e.to].product_id,
          successor_variant_id: store.variantBySku[e.to].id,
          edition: e.edition,
        })),
      },
    })
  }
  return missing.length
}
