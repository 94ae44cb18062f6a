/**
 * BENCH-ONLY. Boots real modules (the plugin's and Medusa's) against a bench schema without booting
 * Medusa: through the framework's module loader (`MedusaApp` from @medusajs/framework/modules-sdk),
 * the way @medusajs/test-utils' initModules / moduleIntegrationTestRunner does it, on one shared knex
 * connection (`createPgConnection`) whose search_path is the bench schema. Nothing is mocked but the
 * event bus and the logger. Every bench that loads modules goes through here.
 */
import fs from "node:fs"
import path from "node:path"
import { MedusaApp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, createPgConnection, isSharedConnectionSymbol, Modules } from "@medusajs/framework/utils"

/** The plugin's module folders (src/modules/<name>). */
export const MODULES_DIR = path.resolve(__dirname, "..", "..", "src", "modules")

/** A logger that drops the modules' chatter and keeps their warnings and errors. */
export const quietLogger = {
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

/** `url` with `application_name` set, so the bench can find its backends in pg_stat_activity. */
export function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set("application_name", name)
  return parsed.toString()
}

/** The options every module gets: its database on the bench schema, over the shared connection. */
export function sharedDatabaseOptions(clientUrl: string, schema: string) {
  return { database: { clientUrl, schema }, [isSharedConnectionSymbol]: true }
}

/** The options of a plugin module in src/modules/<name>. */
export function pluginModule(name: string, options: Record<string | symbol, unknown>) {
  return { resolve: path.join(MODULES_DIR, name), options }
}

/** The Notification module with its local provider, which only logs: no e-mail leaves the machine. */
export function localNotificationModule(options: Record<string | symbol, unknown>) {
  return {
    resolve: "@medusajs/medusa/notification",
    options: {
      ...options,
      providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local-email", options: { name: "Bench e-mail log", channels: ["email"] } }],
    },
  }
}

export type BootedModules = {
  app: Awaited<ReturnType<typeof MedusaApp>>
  /** The modules booted, by registration key, with their options. */
  modulesConfig: Record<string, unknown>
  /** The shared knex connection the modules run on. */
  pg: ReturnType<typeof createPgConnection>
  /** The backends of the modules' pool that exist now (for RSS sampling). */
  backendPids(): Promise<number[]>
  /** Shuts the modules down and closes the pool (and, unless told otherwise, forgets the module instances). */
  shutdown(): Promise<void>
}

/**
 * Boots the modules `modulesConfig(clientUrl, schema)` names against `schema` of the database at
 * `url`, their connections named `applicationName`. `sharedResources` also hands the loader the
 * database as a shared resource (what Medusa's own modules, e.g. Product, Cart, Order, expect).
 */
export async function bootModules(options: {
  url: string
  schema: string
  applicationName: string
  modulesConfig: (clientUrl: string, schema: string) => Record<string, unknown>
  sharedResources?: boolean
  /** How the connection URL is named; withApplicationName unless given. */
  clientUrl?: string
  /** Leave MedusaModule's instances in place on shutdown. */
  keepModuleInstances?: boolean
}): Promise<BootedModules> {
  const { schema, applicationName } = options
  const clientUrl = options.clientUrl ?? withApplicationName(options.url, applicationName)
  const pg = createPgConnection({ clientUrl, schema })
  const config = options.modulesConfig(clientUrl, schema)
  const app = await MedusaApp({
    modulesConfig: config as never,
    ...(options.sharedResources ? { sharedResourcesConfig: { database: { clientUrl, schema } } } : {}),
    injectedDependencies: {
      [ContainerRegistrationKeys.PG_CONNECTION]: pg,
      [ContainerRegistrationKeys.LOGGER]: quietLogger,
      [Modules.EVENT_BUS]: { emit: async () => undefined },
      [ContainerRegistrationKeys.CONFIG_MODULE]: { modules: config },
    },
  })
  await app.onApplicationStart()
  return {
    app,
    modulesConfig: config,
    pg,
    async backendPids() {
      const { rows } = await pg.raw("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?", [applicationName])
      return (rows as { pid: number }[]).map((r) => r.pid)
    },
    async shutdown() {
      await app.onApplicationPrepareShutdown()
      await app.onApplicationShutdown()
      await pg.destroy()
      if (!options.keepModuleInstances) {
        MedusaModule.clearInstances()
      }
    },
  }
}

type MigrationLike = { up(): Promise<void> | void; getQueries(): unknown[]; execute: (sql: string) => Promise<unknown[]> }

/**
 * The up() SQL of a Medusa module's shipped migrations (`@medusajs/<name>/dist/migrations`, the
 * files whose names match `files`, in name order), for a client whose search_path is the bench
 * schema: Medusa's migrator runs them on connections of its own whose search_path is public, so the
 * bench collects the statements (each migration only queues `addSql` statements) and runs them
 * itself. A migration that asks the database something (the Product module's InitialSetup asks
 * whether `public.product` exists, an upgrade path of old installs) is told nothing, as on a fresh
 * install.
 */
export async function medusaMigrationSql(moduleName: string, files = /^(InitialSetup|Migration).*\.js$/): Promise<string[]> {
  const dir = path.join(path.dirname(require.resolve(`@medusajs/${moduleName}/package.json`)), "dist", "migrations")
  const statements: string[] = []
  for (const file of fs.readdirSync(dir).filter((f) => files.test(f)).sort()) {
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
