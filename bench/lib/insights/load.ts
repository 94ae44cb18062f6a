/**
 * BENCH-ONLY. The insights bench's schema `retention_bench_insights_<customers>`, rebuilt on every
 * run: the customer-facts read model of the segments bench's load of the same size seen through
 * plain views (loaded there first if missing; never replaced), and the insights, loyalty-points and
 * reminders modules' tables from their migrations' up() SQL. The insights, reminders and
 * loyalty-points services are loaded on it through the framework's module loader.
 */
import path from "node:path"
import { asValue } from "@medusajs/framework/awilix"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Client } from "@medusajs/framework/pg"
import { ContainerRegistrationKeys, createMedusaContainer, type createPgConnection } from "@medusajs/framework/utils"
import { quoteIdentifier } from "../../../dev/database"
import { INSIGHTS_MODULE } from "../../../src/modules/insights"
import type InsightsModuleService from "../../../src/modules/insights/service"
import { LOYALTY_POINTS_MODULE } from "../../../src/modules/loyalty-points"
import { REMINDERS_MODULE } from "../../../src/modules/reminders"
import { readMigrationSql } from "../loyalty/migration-sql"
import { bootModules, MODULES_DIR, pluginModule, sharedDatabaseOptions } from "../module-loader"
import { FACTS_LOAD } from "../reminders/load"
import { ensureLoaded, type LoadSummary } from "../segments/load"

const FACT_VIEWS = ["customer_fact", "purchase_fact", "customer_product_fact", "order_fact"] as const
export const SERVICE_APPLICATION_NAME = "retention_bench_insights_service"

export const insightsSchema = (customers: number) => `retention_bench_insights_${customers}`

export type InsightsLoad = {
  schema: string
  facts: LoadSummary
  insights: InsightsModuleService
  /** What collectCustomerOffers resolves its modules from (a query that knows no products: titles stay empty). */
  container: MedusaContainer
  client: Client
  /** A plain knex on the schema (no module, no transaction), for the baselines. */
  knex: ReturnType<typeof createPgConnection>
  backendPids(): Promise<number[]>
  shutdown(): Promise<void>
}

/** Rebuilds the insights schema over the facts of `customers` customers and loads the services on it. */
export async function loadInsights(url: string, customers: number, log: (line: string) => void): Promise<InsightsLoad> {
  const facts = await ensureLoaded(url, customers, { ...FACTS_LOAD, log })
  const schema = insightsSchema(customers)
  const client = new Client({ connectionString: url, application_name: "retention_bench_insights_load" })
  await client.connect()
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
  await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`)
  await client.query(`SET search_path TO ${quoteIdentifier(schema)}`)
  for (const table of FACT_VIEWS) {
    await client.query(`CREATE VIEW ${quoteIdentifier(table)} AS SELECT * FROM ${quoteIdentifier(facts.schema)}.${quoteIdentifier(table)}`)
  }
  for (const module of ["insights", "loyalty-points", "reminders"]) {
    for (const sql of readMigrationSql(path.join(MODULES_DIR, module, "migrations")).statements) {
      await client.query(sql)
    }
  }
  const { app, pg, shutdown } = await bootModules({
    url,
    schema,
    applicationName: SERVICE_APPLICATION_NAME,
    clientUrl: `${url}${url.includes("?") ? "&" : "?"}application_name=${SERVICE_APPLICATION_NAME}`,
    modulesConfig: (clientUrl, schema) => {
      const options = sharedDatabaseOptions(clientUrl, schema)
      return {
        [INSIGHTS_MODULE]: pluginModule("insights", options),
        [REMINDERS_MODULE]: pluginModule("reminders", options),
        [LOYALTY_POINTS_MODULE]: pluginModule("loyalty-points", options),
      }
    },
    keepModuleInstances: true,
  })
  const insights = app.modules[INSIGHTS_MODULE] as unknown as InsightsModuleService
  const container = createMedusaContainer()
  container.register({
    [INSIGHTS_MODULE]: asValue(insights),
    [REMINDERS_MODULE]: asValue(app.modules[REMINDERS_MODULE]),
    [LOYALTY_POINTS_MODULE]: asValue(app.modules[LOYALTY_POINTS_MODULE]),
    [ContainerRegistrationKeys.QUERY]: asValue({ graph: async () => ({ data: [] }) }),
  })
  return {
    schema,
    facts,
    insights,
    container,
    client,
    knex: pg,
    async backendPids() {
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
        [SERVICE_APPLICATION_NAME]
      )
      return rows.map((r) => r.pid)
    },
    async shutdown() {
      await shutdown()
      await client.end()
    },
  }
}
