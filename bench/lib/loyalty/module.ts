/**
 * BENCH-ONLY. The real loyalty-points module service, without booting Medusa: the module is
 * loaded through the framework's module loader (`MedusaApp` from @medusajs/framework/modules-sdk),
 * the way @medusajs/test-utils' initModules / moduleIntegrationTestRunner does it, on a shared
 * knex connection (`createPgConnection`) whose search_path is the bench schema. Nothing is
 * mocked but the event bus (the ledger methods emit no events) and the logger.
 */
import path from "node:path"
import { MedusaApp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, createPgConnection, isSharedConnectionSymbol, Modules } from "@medusajs/framework/utils"
import type LoyaltyPointsModuleService from "../../../src/modules/loyalty-points/service"
import { LOYALTY_POINTS_MODULE } from "../../../src/modules/loyalty-points"

export const MODULE_RESOLVE = path.resolve(__dirname, "..", "..", "..", "src", "modules", "loyalty-points")
/** Set on the service's connections, so the bench can find their backends in pg_stat_activity. */
export const SERVICE_APPLICATION_NAME = "retention_bench_loyalty_service"

export type LoadedModule = {
  service: LoyaltyPointsModuleService
  /** The backends of the service's pool that exist now (for RSS sampling). */
  backendPids(): Promise<number[]>
  shutdown(): Promise<void>
}

const quietLogger = {
  info: () => undefined,
  debug: () => undefined,
  log: () => undefined,
  activity: () => "",
  progress: () => undefined,
  success: () => undefined,
  failure: () => undefined,
  shouldLog: () => false,
  setLogLevel: () => undefined,
  unsetLogLevel: () => undefined,
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => console.error(...args),
  panic: (...args: unknown[]) => console.error(...args),
}

/** Loads the module against `schema` of the database at `url` with the plugin's default loyalty options. */
export async function loadLoyaltyModule(url: string, schema: string): Promise<LoadedModule> {
  const clientUrl = withApplicationName(url, SERVICE_APPLICATION_NAME)
  const pg = createPgConnection({ clientUrl, schema })
  const modulesConfig = {
    [LOYALTY_POINTS_MODULE]: {
      resolve: MODULE_RESOLVE,
      options: { database: { clientUrl, schema }, loyalty: {}, [isSharedConnectionSymbol]: true },
    },
  }
  const app = await MedusaApp({
    modulesConfig: modulesConfig as never,
    injectedDependencies: {
      [ContainerRegistrationKeys.PG_CONNECTION]: pg,
      [ContainerRegistrationKeys.LOGGER]: quietLogger,
      [Modules.EVENT_BUS]: { emit: async () => undefined },
      [ContainerRegistrationKeys.CONFIG_MODULE]: { modules: modulesConfig },
    },
  })
  await app.onApplicationStart()
  const service = app.modules[LOYALTY_POINTS_MODULE] as unknown as LoyaltyPointsModuleService
  if (typeof service?.retrieveBalance !== "function") {
    throw new Error(`the module loader did not return the ${LOYALTY_POINTS_MODULE} service`)
  }
  return {
    service,
    async backendPids() {
      const { rows } = await pg.raw(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?",
        [SERVICE_APPLICATION_NAME]
      )
      return (rows as { pid: number }[]).map((r) => r.pid)
    },
    async shutdown() {
      await app.onApplicationPrepareShutdown()
      await app.onApplicationShutdown()
      await pg.destroy()
      MedusaModule.clearInstances()
    },
  }
}

function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set("application_name", name)
  return parsed.toString()
}
