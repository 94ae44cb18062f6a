/**
 * BENCH-ONLY. The real customer-facts and segments module services, without booting Medusa: both
 * modules are loaded through the framework's module loader (`MedusaApp`), as the loyalty bench
 * does (bench/lib/loyalty/module.ts), on one shared knex connection whose search_path is the
 * bench schema. Both modules' SQL names its tables unqualified, so they read and write that
 * schema. Nothing is mocked but the event bus and the logger.
 */
import { CUSTOMER_FACTS_MODULE } from "../../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../../src/modules/customer-facts/service"
import { SEGMENTS_MODULE } from "../../../src/modules/segments"
import type SegmentsModuleService from "../../../src/modules/segments/service"
import { bootModules, pluginModule, sharedDatabaseOptions } from "../module-loader"

/** Set on the services' connections, so the bench can find their backends in pg_stat_activity. */
export const SERVICE_APPLICATION_NAME = "retention_bench_segments_service"

export type LoadedModules = {
  facts: CustomerFactsModuleService
  segments: SegmentsModuleService
  /** The backends of the services' pool that exist now (for RSS sampling). */
  backendPids(): Promise<number[]>
  shutdown(): Promise<void>
}

/** Loads both modules against `schema` of the database at `url`, with the plugin's default options. */
export async function loadModules(url: string, schema: string): Promise<LoadedModules> {
  const booted = await bootModules({
    url,
    schema,
    applicationName: SERVICE_APPLICATION_NAME,
    modulesConfig: (clientUrl, schema) => {
      const options = sharedDatabaseOptions(clientUrl, schema)
      return {
        [CUSTOMER_FACTS_MODULE]: pluginModule("customer-facts", options),
        [SEGMENTS_MODULE]: pluginModule("segments", options),
      }
    },
  })
  const facts = booted.app.modules[CUSTOMER_FACTS_MODULE] as unknown as CustomerFactsModuleService
  const segments = booted.app.modules[SEGMENTS_MODULE] as unknown as SegmentsModuleService
  if (typeof facts?.recomputeAggregates !== "function" || typeof segments?.previewDefinition !== "function") {
    throw new Error(`the module loader did not return the ${CUSTOMER_FACTS_MODULE} and ${SEGMENTS_MODULE} services`)
  }
  return { facts, segments, backendPids: booted.backendPids, shutdown: booted.shutdown }
}
