/**
 * BENCH-ONLY. The modules the reminders' send run resolves, loaded for real through the
 * framework's module loader (`MedusaApp`), as the segments bench does (bench/lib/segments/module.ts):
 * the plugin's customer-facts, reminders and messaging modules and Medusa's Cart and Notification
 * modules (the Notification module with its local provider, which only logs: no e-mail leaves the
 * machine). All on one shared knex connection whose search_path is the bench schema. A container
 * holding them, the query graph and a quiet logger is what `sendDueReminders` resolves from.
 * Nothing is mocked but the event bus and the logger.
 */
import path from "node:path"
import fs from "node:fs"
import { MedusaApp, MedusaModule } from "@medusajs/framework/modules-sdk"
import type { ICartModuleService, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer, createPgConnection, isSharedConnectionSymbol, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../../src/modules/customer-facts/service"
import { MESSAGING_MODULE } from "../../../src/modules/messaging"
import type MessagingModuleService from "../../../src/modules/messaging/service"
import { REMINDERS_MODULE } from "../../../src/modules/reminders"
import type RemindersModuleService from "../../../src/modules/reminders/service"

const MODULES_DIR = path.resolve(__dirname, "..", "..", "..", "src", "modules")
/** Set on the services' connections, so the bench can find their backends in pg_stat_activity. */
export const SERVICE_APPLICATION_NAME = "retention_bench_reminders_service"

export type LoadedModules = {
  reminders: RemindersModuleService
  facts: CustomerFactsModuleService
  messaging: MessagingModuleService
  cart: ICartModuleService
  notification: INotificationModuleService
  /** What `sendDueReminders` resolves its modules, query and logger from. */
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

function modulesConfig(clientUrl: string, schema: string) {
  const options = { database: { clientUrl, schema }, [isSharedConnectionSymbol]: true }
  return {
    [Modules.CART]: { resolve: "@medusajs/medusa/cart", options },
    [Modules.NOTIFICATION]: {
      resolve: "@medusajs/medusa/notification",
      options: {
        ...options,
        providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local-email", options: { name: "Bench e-mail log", channels: ["email"] } }],
      },
    },
    [CUSTOMER_FACTS_MODULE]: { resolve: path.join(MODULES_DIR, "customer-facts"), options },
    [REMINDERS_MODULE]: { resolve: path.join(MODULES_DIR, "reminders"), options },
    [MESSAGING_MODULE]: { resolve: path.join(MODULES_DIR, "messaging"), options },
  }
}

function appOptions(url: string, schema: string) {
  const clientUrl = withParams(url, { application_name: SERVICE_APPLICATION_NAME })
  const pg = createPgConnection({ clientUrl, schema })
  const config = modulesConfig(clientUrl, schema)
  return {
    pg,
    options: {
      modulesConfig: config as never,
      sharedResourcesConfig: { database: { clientUrl, schema } },
      injectedDependencies: {
        [ContainerRegistrationKeys.PG_CONNECTION]: pg,
        [ContainerRegistrationKeys.LOGGER]: quietLogger,
        [Modules.EVENT_BUS]: { emit: async () => undefined },
        [ContainerRegistrationKeys.CONFIG_MODULE]: { modules: config },
      },
    },
  }
}

/**
 * The up() SQL of a Medusa module's shipped migrations (`@medusajs/<name>/dist/migrations`), in
 * order, for a client whose search_path is the bench schema. Medusa's own migrator runs them on
 * connections of its own whose search_path is public, so the bench collects their statements
 * (each migration only queues `addSql` statements) and runs them itself.
 */
export async function medusaModuleMigrationSql(moduleName: "cart" | "notification"): Promise<string[]> {
  const dir = path.join(path.dirname(require.resolve(`@medusajs/${moduleName}/package.json`)), "dist", "migrations")
  const statements: string[] = []
  for (const file of fs.readdirSync(dir).filter((f) => /^Migration.*\.js$/.test(f)).sort()) {
    const exported = Object.values(require(path.join(dir, file)) as Record<string, unknown>)
    const MigrationClass = exported.find((value): value is new (driver: null, config: null) => MigrationLike => typeof value === "function")
    if (!MigrationClass) {
      throw new Error(`${moduleName}/${file}: no migration class`)
    }
    const migration = new MigrationClass(null, null)
    await migration.up()
    statements.push(...migration.getQueries().map(String))
  }
  return statements
}

type MigrationLike = { up(): Promise<void> | void; getQueries(): unknown[] }

/** Loads every module against `schema` of the database at `url`, with the plugin's default options. */
export async function loadModules(url: string, schema: string): Promise<LoadedModules> {
  const { pg, options } = appOptions(url, schema)
  const app = await MedusaApp(options)
  await app.onApplicationStart()
  const reminders = app.modules[REMINDERS_MODULE] as unknown as RemindersModuleService
  const facts = app.modules[CUSTOMER_FACTS_MODULE] as unknown as CustomerFactsModuleService
  const messaging = app.modules[MESSAGING_MODULE] as unknown as MessagingModuleService
  const cart = app.modules[Modules.CART] as unknown as ICartModuleService
  const notification = app.modules[Modules.NOTIFICATION] as unknown as INotificationModuleService
  if (typeof reminders?.claimDueReminders !== "function" || typeof messaging?.reserveMessage !== "function" || typeof cart?.createCarts !== "function") {
    throw new Error("the module loader did not return the reminders, messaging and cart services")
  }
  const container = createMedusaContainer()
  container.register({
    [REMINDERS_MODULE]: asValue(reminders),
    [CUSTOMER_FACTS_MODULE]: asValue(facts),
    [MESSAGING_MODULE]: asValue(messaging),
    [Modules.CART]: asValue(cart),
    [Modules.NOTIFICATION]: asValue(notification),
    [ContainerRegistrationKeys.QUERY]: asValue(app.query),
    [ContainerRegistrationKeys.LOGGER]: asValue(quietLogger),
  })
  return {
    reminders,
    facts,
    messaging,
    cart,
    notification,
    container,
    async backendPids() {
      const { rows } = await pg.raw("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?", [
        SERVICE_APPLICATION_NAME,
      ])
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

function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url)
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value)
  return parsed.toString()
}
