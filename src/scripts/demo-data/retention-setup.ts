import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { computeDemoCoPurchases, ensureDemoCompany, ensureDemoPropensityModel } from "./retention-setup-electronics"
import { ensurePharmacyRetention } from "./retention-setup-pharmacy"
import { ensureSoftwareUpgradePaths } from "./retention-setup-software"
import type { SeedOptions } from "./seed-options"
import type { DemoStore } from "./store-setup"

/**
 * The features beyond loyalty and segments, set up on the seeded history: reminders and a win-back
 * journey (pharmacy), upgrade paths (software), co-purchases, a propensity model and a B2B
 * customer (electronics). Runs after the customer facts are backfilled; each part is idempotent.
 */
export async function ensureRetentionSetup(container: MedusaContainer, store: DemoStore, options: SeedOptions): Promise<void> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const pharmacy = await ensurePharmacyRetention(container, store)
  logger.info(`seed reminders and automations: ${pharmacy.reminderRules} reminder rules, ${pharmacy.automations} automations created`)
  logger.info(`seed upgrade paths: ${await ensureSoftwareUpgradePaths(container, store)} created`)
  if (options.cases.includes("electronics")) {
    const runs = await computeDemoCoPurchases(container)
    logger.info(`seed co-purchases: ${runs.map((r) => `${r.scope} ${r.skipped ? "unchanged" : `${r.pair_rows} pairs of ${r.basket_count} baskets`}`).join(", ")}`)
  }
  const training = await ensureDemoPropensityModel(container, store)
  logger.info(
    `seed propensity: ${
      !training
        ? "model already there"
        : training.status === "completed"
          ? `model trained, AUC ${training.auc?.toFixed(2) ?? "n/a"}, ${training.scored_count} customers scored`
          : `model created, training failed: ${training.failure}`
    }`
  )
  const b2b = await ensureDemoCompany(container, store, options)
  logger.info(
    `seed b2b: ${b2b.companies} companies, ${b2b.employees} employees, ${b2b.contracts} contracts created, ${b2b.prices_added} contract prices added, in ${Math.round((Date.now() - started) / 1000)} s`
  )
}
