/**
 * BENCH-ONLY. The modules a campaign's send resolves, loaded for real through the framework's
 * module loader (`MedusaApp`), as the segments and reminders benches do (bench/lib/segments/module.ts,
 * bench/lib/reminders/module.ts): the plugin's email-campaigns, messaging, customer-facts and
 * loyalty-points modules and Medusa's Product module, all on one shared knex connection whose
 * search_path is the bench schema. The email-campaigns module gets the options a store would pass
 * (`campaigns.sendgridApiKey`, `sendgridBaseUrl` pointing at the local fake). A container holding
 * them and a quiet logger is what `sendCampaignBatches` resolves from (the Locking module only
 * guards `sendEmailCampaign`, which the bench does not call). Nothing is mocked but the event bus
 * and the logger.
 */
import fs from "node:fs"
import path from "node:path"
import { asValue } from "@medusajs/framework/awilix"
import { MedusaApp, MedusaModule } from "@medusajs/framework/modules-sdk"
import type { IProductModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, createMedusaContainer, createPgConnection, isSharedConnectionSymbol, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../../src/modules/customer-facts/service"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../src/modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../src/modules/email-campaigns/service"
import { LOYALTY_POINTS_MODULE } from "../../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../src/modules/loyalty-points/service"
import { MESSAGING_MODULE } from "../../../src/modules/messaging"
import type MessagingModuleService from "../../../src/modules/messaging/service"

const MODULES_DIR = path.resolve(__dirname, "..", "..", "..", "src", "modules")
/** Set on the services' connections, so the bench can find their backends in pg_stat_activity. */
export const SERVICE_APPLICATION_NAME = "retention_bench_campaigns_service"

export type LoadedModules = {
  campaigns: EmailCampaignsModuleService
  messaging: MessagingModuleService
  facts: CustomerFactsModuleService
  loyalty: LoyaltyPointsModuleService
  product: IProductModuleService
  /** What `sendCampaignBatches` resolves its modules and logger from. */
  container: MedusaContainer
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

/** Where the campaigns send: the fake's URL and the key it accepts. */
export type SendgridTarget = { baseUrl: string; apiKey: string }

function modulesConfig(clientUrl: string, schema: string, sendgrid: SendgridTarget) {
  const database = { database: { clientUrl, schema }, [isSharedConnectionSymbol]: true }
  return {
    [Modules.PRODUCT]: { resolve: "@medusajs/medusa/product", options: database },
    [CUSTOMER_FACTS_MODULE]: { resolve: path.join(MODULES_DIR, "customer-facts"), options: database },
    [LOYALTY_POINTS_MODULE]: { resolve: path.join(MODULES_DIR, "loyalty-points"), options: database },
    [MESSAGING_MODULE]: { resolve: path.join(MODULES_DIR, "messaging"), options: database },
    [EMAIL_CAMPAIGNS_MODULE]: {
      resolve: path.join(MODULES_DIR, "email-campaigns"),
      options: { ...database, campaigns: { sendgridApiKey: sendgrid.apiKey, sendgridBaseUrl: sendgrid.baseUrl, publicUrl: "https://shop.example" } },
    },
  }
}

/**
 * The up() SQL of a Medusa module's shipped migrations (`@medusajs/<name>/dist/migrations`, files
 * in name order), for a client whose search_path is the bench schema: Medusa's migrator runs them
 * on connections of its own whose search_path is public, so the bench collects the statements
 * (each migration only queues `addSql` statements) and runs them itself. The Product module's
 * InitialSetup asks the database whether `public.product` exists (an upgrade path of old installs);
 * it is told no, as on a fresh install.
 */
export async function medusaMigrationSql(moduleName: "product"): Promise<string[]> {
  const dir = path.join(path.dirname(require.resolve(`@medusajs/${moduleName}/package.json`)), "dist", "migrations")
  const statements: string[] = []
  for (const file of fs.readdirSync(dir).filter((f) => /^(InitialSetup|Migration).*\.js$/.test(f)).sort()) {
    const exported = Object.values(require(path.join(dir, file)) as Record<string, unknown>)
    const MigrationClass = exported.find((value): value is new (driver: null, config: null) => MigrationLike => typeof value === "function")
    if (!MigrationClass) {
      throw new Error(`${moduleName}/${file}: no migration class`)
    }
    const migration = new MigrationClass(null, null)
    migration.execute = async () => []
    await migration.up()
    statements.push(...migration.getQueries().map(String))
  }
  return statements
}

type MigrationLike = { up(): Promise<void> | void; getQueries(): unknown[]; execute: (sql: string) => Promise<unknown[]> }

/** Loads every module against `schema` of the database at `url`, the campaigns pointed at `sendgrid`. */
export async function loadModules(url: string, schema: string, sendgrid: SendgridTarget): Promise<LoadedModules> {
  const parsed = new URL(url)
  parsed.searchParams.set("application_name", SERVICE_APPLICATION_NAME)
  const clientUrl = parsed.toString()
  const pg = createPgConnection({ clientUrl, schema })
  const config = modulesConfig(clientUrl, schema, sendgrid)
  const app = await MedusaApp({
    modulesConfig: config as never,
    sharedResourcesConfig: { database: { clientUrl, schema } },
    injectedDependencies: {
      [ContainerRegistrationKeys.PG_CONNECTION]: pg,
      [ContainerRegistrationKeys.LOGGER]: quietLogger,
      [Modules.EVENT_BUS]: { emit: async () => undefined },
      [ContainerRegistrationKeys.CONFIG_MODULE]: { modules: config },
    },
  })
  await app.onApplicationStart()
  const campaigns = app.modules[EMAIL_CAMPAIGNS_MODULE] as unknown as EmailCampaignsModuleService
  const messaging = app.modules[MESSAGING_MODULE] as unknown as MessagingModuleService
  const facts = app.modules[CUSTOMER_FACTS_MODULE] as unknown as CustomerFactsModuleService
  const loyalty = app.modules[LOYALTY_POINTS_MODULE] as unknown as LoyaltyPointsModuleService
  const product = app.modules[Modules.PRODUCT] as unknown as IProductModuleService
  if (typeof campaigns?.snapshotAudience !== "function" || typeof messaging?.reserveMessages !== "function" || typeof product?.createProducts !== "function") {
    throw new Error("the module loader did not return the email-campaigns, messaging and product services")
  }
  const container = createMedusaContainer()
  container.register({
    [EMAIL_CAMPAIGNS_MODULE]: asValue(campaigns),
    [MESSAGING_MODULE]: asValue(messaging),
    [CUSTOMER_FACTS_MODULE]: asValue(facts),
    [LOYALTY_POINTS_MODULE]: asValue(loyalty),
    [Modules.PRODUCT]: asValue(product),
    [ContainerRegistrationKeys.LOGGER]: asValue(quietLogger),
  })
  return {
    campaigns,
    messaging,
    facts,
    loyalty,
    product,
    container,
    async backendPids() {
      const { rows } = await pg.raw("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?", [SERVICE_APPLICATION_NAME])
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
