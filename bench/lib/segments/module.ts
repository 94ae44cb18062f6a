/**
 * BENCH-ONLY. The real customer-facts and segments module services, without booting Medusa: both
 * modules are loaded through the framework's module loader (`MedusaApp`), as the loyalty bench
 * does (bench/lib/loyalty/module.ts), on one shared knex connection whose search_path is the
 * bench schema. Both modules' SQL names its tables unqualified, so they read and write that
 * schema. Nothing is mocked but the event bus and the logger.
 */
import path from "node:path"
import { MedusaApp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, createPgConnection, isSharedConnectionSymbol, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../../src/modules/customer-facts/service"
import { SEGMENTS_MODULE } from "../../../src/modules/segments"
import type SegmentsModuleService from "../../../src/modules/segments/service"

const MODULES_DIR = path.resolve(__dirname, "..", "..", "..", "src", "modules")
/** Set on the services' connections, so the bench can find their backends in pg_stat_activity. */
export const SERVICE_APPLICATION_NAME = "retention_bench_segments_service"

export type LoadedModules = {
  facts: CustomerFactsModuleService
  segments: SegmentsModuleService
  /** The backends of the services' pool that exist now (for RSS sampling). */
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

/** Loads both modules against `schema` of the database at `url`, with the plugin's default options. */
export async function loadModules(url: string, schema: string): Promise<LoadedModules> {
  const clientUrl = withApplicationName(url, SERVICE_APPLICATION_NAME)
  const pg = createPgConnection({ clientUrl, schema })
  const options = { database: { clientUrl, schema }, [isSharedConnectionSymbol]: true }
  const modulesConfig = {
    [CUSTOMER_FACTS_MODULE]: { resolve: path.join(MODULES_DIR, "customer-facts"), options },
    [SEGMENTS_MODULE]: { resolve: path.join(MODULES_DIR, "segments"), options },
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
  const facts = app.modules[CUSTOMER_FACTS_MODULE] as unknown as CustomerFactsModuleService
  const segments = app.modules[SEGMENTS_MODULE] as unknown as SegmentsModuleService
  if (typeof facts?.recomputeAggregates !== "function" || typeof segments?.previewDefinition !== "function") {
    throw new Error(`the module loader did not return the ${CUSTOMER_FACTS_MODULE} and ${SEGMENTS_MODULE} services`)
  }
  return {
    facts,
    segments,
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
