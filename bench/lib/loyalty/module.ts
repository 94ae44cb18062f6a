/**
 * BENCH-ONLY. The real loyalty-points module service, without booting Medusa: the module is
 * loaded through the framework's module loader (`MedusaApp` from @medusajs/framework/modules-sdk),
 * the way @medusajs/test-utils' initModules / moduleIntegrationTestRunner does it, on a shared
 * knex connection (`createPgConnection`) whose search_path is the bench schema. Nothing is
 * mocked but the event bus (the ledger methods emit no events) and the logger.
 */
import path from "node:path"
import type LoyaltyPointsModuleService from "../../../src/modules/loyalty-points/service"
import { LOYALTY_POINTS_MODULE } from "../../../src/modules/loyalty-points"
import { bootModules, MODULES_DIR, sharedDatabaseOptions } from "../module-loader"

export const MODULE_RESOLVE = path.join(MODULES_DIR, "loyalty-points")
/** Set on the service's connections, so the bench can find their backends in pg_stat_activity. */
export const SERVICE_APPLICATION_NAME = "retention_bench_loyalty_service"

export type LoadedModule = {
  service: LoyaltyPointsModuleService
  /** The backends of the service's pool that exist now (for RSS sampling). */
  backendPids(): Promise<number[]>
  shutdown(): Promise<void>
}

/** Loads the module against `schema` of the database at `url` with the plugin's default loyalty options. */
export async function loadLoyaltyModule(url: string, schema: string): Promise<LoadedModule> {
  const booted = await bootModules({
    url,
    schema,
    applicationName: SERVICE_APPLICATION_NAME,
    modulesConfig: (clientUrl, schema) => ({
      [LOYALTY_POINTS_MODULE]: { resolve: MODULE_RESOLVE, options: { ...sharedDatabaseOptions(clientUrl, schema), loyalty: {} } },
    }),
  })
  const service = booted.app.modules[LOYALTY_POINTS_MODULE] as unknown as LoyaltyPointsModuleService
  if (typeof service?.retrieveBalance !== "function") {
    throw new Error(`the module loader did not return the ${LOYALTY_POINTS_MODULE} service`)
  }
  return { service, backendPids: booted.backendPids, shutdown: booted.shutdown }
}
