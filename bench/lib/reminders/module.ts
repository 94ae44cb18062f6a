/**
 * BENCH-ONLY. The modules the reminders' send run resolves, loaded for real through the
 * framework's module loader (`MedusaApp`), as the segments bench does (bench/lib/segments/module.ts):
 * the plugin's customer-facts, reminders and messaging modules and Medusa's Cart and Notification
 * modules (the Notification module with its local provider, which only logs: no e-mail leaves the
 * machine). All on one shared knex connection whose search_path is the bench schema. A container
 * holding them, the query graph and a quiet logger is what `sendDueReminders` resolves from.
 * Nothing is mocked but the event bus and the logger.
 */
import type { ICartModuleService, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../../src/modules/customer-facts/service"
import { MESSAGING_MODULE } from "../../../src/modules/messaging"
import type MessagingModuleService from "../../../src/modules/messaging/service"
import { REMINDERS_MODULE } from "../../../src/modules/reminders"
import type RemindersModuleService from "../../../src/modules/reminders/service"
import { bootModules, localNotificationModule, medusaMigrationSql, pluginModule, quietLogger, sharedDatabaseOptions } from "../module-loader"

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

function modulesConfig(clientUrl: string, schema: string) {
  const options = sharedDatabaseOptions(clientUrl, schema)
  return {
    [Modules.CART]: { resolve: "@medusajs/medusa/cart", options },
    [Modules.NOTIFICATION]: localNotificationModule(options),
    [CUSTOMER_FACTS_MODULE]: pluginModule("customer-facts", options),
    [REMINDERS_MODULE]: pluginModule("reminders", options),
    [MESSAGING_MODULE]: pluginModule("messaging", options),
  }
}

/** The up() SQL of the Cart or Notification module's shipped migrations (their Migration* files). */
export function medusaModuleMigrationSql(moduleName: "cart" | "notification"): Promise<string[]> {
  return medusaMigrationSql(moduleName, /^Migration.*\.js$/)
}

/** Loads every module against `schema` of the database at `url`, with the plugin's default options. */
export async function loadModules(url: string, schema: string): Promise<LoadedModules> {
  const booted = await bootModules({ url, schema, applicationName: SERVICE_APPLICATION_NAME, modulesConfig, sharedResources: true })
  const { app } = booted
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
    backendPids: booted.backendPids,
    shutdown: booted.shutdown,
  }
}
